package io.servicerecovery.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.servicerecovery.testkit.Apologies;

/** The benchmark's own databases: (re)created per run, and their rows counted per table. */
final class Database {

    final String url;
    final String user;
    final String password;

    Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Drops and creates a PostgreSQL database (through the maintenance database {@code postgres}). */
    static void recreatePostgres(Settings s, String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection c = DriverManager.getConnection(s.pgUrl("postgres"), s.pgUser, "");
                Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
            st.execute("create database " + name);
        }
    }

    /** recovery.apology.canned-sample: how many recent apologies the canned check compares a new one with. */
    private static final int CANNED_SAMPLE = 500;

    /**
     * Inserts {@code count} recovered cases of another CRM client with distinct apologies from
     * the last day, so that the canned-apology check compares each new apology with a full
     * sample of recent ones (recovery.apology.canned-sample, 500) from the first measured flow
     * on, as in production, instead of with a sample that grows during the run.
     */
    void seedRecentApologies(int count) throws SQLException {
        if (count > Apologies.SPACE - CANNED_SAMPLE) {
            throw new IllegalArgumentException("at most " + (Apologies.SPACE - CANNED_SAMPLE) + " seeded apologies stay"
                    + " distinct from the run's first " + CANNED_SAMPLE);
        }
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        try (Connection c = connect(); java.sql.PreparedStatement st = c.prepareStatement(
                "insert into recovery_case (id, client_id, external_ref, customer_id, customer_name, customer_email,"
                        + " customer_locale, customer_tier, failure_stage, failure_channel, failure_category,"
                        + " failure_description, severity, occurred_at, order_amount, order_currency, accountable_agent,"
                        + " root_cause, accountability_statement, apology_message, apology_via, status, priority,"
                        + " repeat_failure, created_at, updated_at, closed_at, apologized_at, version)"
                        + " values (?, 'bench-seed', ?, ?, 'Ana Ozola', ?, 'en', 'GOLD', 'POST_PURCHASE', 'PHONE',"
                        + " 'LATE_DELIVERY', 'The sofa arrived nine days late.', 'HIGH', ?, 899.90, 'EUR', 'bench-seed-agent',"
                        + " 'CARRIER_DELAY', 'This one is on us.', ?, 'PHONE', 'RECOVERED', 0, false, ?, ?, ?, ?, 0)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String ref = "SEED-" + i;
                java.time.OffsetDateTime at = now.minusSeconds(count - i);
                st.setObject(1, java.util.UUID.randomUUID());
                st.setString(2, ref);
                st.setString(3, "C-" + ref);
                st.setString(4, "seed." + i + "@example.com");
                st.setObject(5, at.minusDays(1));
                // The last numbers before the generator wraps: the run's first CANNED_SAMPLE apologies (n counts
                // from 0), the ones compared with these, have other numbers, so never near-copies.
                st.setString(6, Apologies.nth(Apologies.SPACE - count + i, ref));
                st.setObject(7, at);
                st.setObject(8, at);
                st.setObject(9, at);
                st.setObject(10, at);
                st.addBatch();
            }
            st.executeBatch();
            c.commit();
        }
    }

    boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Rows per table of the current schema, by lower-case table name. */
    Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            String query = isPostgres()
                    ? "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'"
                    : "select table_name from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'";
            try (ResultSet rs = st.executeQuery(query)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table.toLowerCase(Locale.ROOT), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Bytes the database takes on disk (PostgreSQL only; -1 otherwise). */
    long sizeBytes() throws SQLException {
        if (!isPostgres()) {
            return -1;
        }
        try (Connection c = connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Rows added per case, per table and in total for the service's tables and the engine's
     * ACT_* tables: (after - before) / cases.
     */
    static Map<String, Object> rowsPerCase(Map<String, Long> before, Map<String, Long> after, long cases) {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> service = new LinkedHashMap<>();
        Map<String, Object> engine = new LinkedHashMap<>();
        long serviceTotal = 0;
        long engineTotal = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (delta == 0) {
                continue;
            }
            boolean isEngine = e.getKey().startsWith("act_");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rowsAdded", delta);
            row.put("perCase", round(delta / (double) cases));
            if (isEngine) {
                engine.put(e.getKey(), row);
                engineTotal += delta;
            } else {
                service.put(e.getKey(), row);
                serviceTotal += delta;
            }
        }
        result.put("cases", cases);
        result.put("serviceRowsPerCase", round(serviceTotal / (double) cases));
        result.put("engineRowsPerCase", round(engineTotal / (double) cases));
        result.put("serviceTables", service);
        result.put("engineTables", engine);
        return result;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
