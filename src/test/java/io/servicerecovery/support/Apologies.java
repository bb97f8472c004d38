package io.servicerecovery.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * The numbers of the test cases' apologies (the kit's {@link io.servicerecovery.testkit.Apologies} writes them),
 * so that the suite never sends two near copies, in one run or across runs on a kept database.
 * <p>
 * <b>Numbered across runs</b>: inside a {@code @QuarkusTest} the numbers come from a database sequence
 * ({@value #SEQUENCE}), so a run on a database kept from earlier runs continues where they stopped instead of
 * repeating their apologies. Outside Quarkus (plain unit tests, the replicas test on a fresh database) a counter
 * in memory numbers them.
 */
public final class Apologies {

    static final String SEQUENCE = "test_apology_number";

    private static final AtomicLong IN_MEMORY = new AtomicLong();

    private static boolean sequenceCreated;

    private Apologies() {
    }

    /** The next apology for Ana's late sofa, different from every other the suite sent to this database. */
    public static String unique() {
        return io.servicerecovery.testkit.Apologies.nth(next());
    }

    /** The next number: from the test database's sequence inside Quarkus, else from memory. */
    public static synchronized long next() {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return IN_MEMORY.getAndIncrement();
        }
        DataSource dataSource = container.instance(DataSource.class).get();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (!sequenceCreated) {
                sql.execute("CREATE SEQUENCE IF NOT EXISTS " + SEQUENCE);
                sequenceCreated = true;
            }
            try (ResultSet row = sql.executeQuery(postgres ? "SELECT nextval('" + SEQUENCE + "')"
                    : "SELECT NEXT VALUE FOR " + SEQUENCE)) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot number the next test apology", e);
        }
    }
}
