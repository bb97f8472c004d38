package io.servicerecovery.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The canned check loads the texts of the apologies it has no fingerprint of yet: every text comes back,
 * whatever the number of ids, and cases without an apology are left out.
 */
@QuarkusTest
class ApologyTextsTest {

    @Inject
    CaseRepository cases;

    @Inject
    DataSource dataSource;

    private static void insert(Connection db, UUID id, String apology) throws SQLException {
        Timestamp at = Timestamp.from(Instant.parse("2026-11-30T12:00:00Z"));
        try (PreparedStatement st = db.prepareStatement("insert into recovery_case (id, client_id, external_ref, "
                + "customer_id, customer_name, customer_email, customer_locale, customer_tier, failure_stage, "
                + "failure_channel, failure_category, failure_description, severity, occurred_at, status, priority, "
                + "repeat_failure, created_at, updated_at, apologized_at, version, apology_message) values (?, "
                + "'crm-texts', ?, 'cust', 'Ana Ozola', 'ana@example.com', 'en', 'GOLD', 'POST_PURCHASE', 'PHONE', "
                + "'LATE_DELIVERY', 'late', 'LOW', ?, 'RECOVERED', 50, false, ?, ?, ?, 0, ?)")) {
            st.setObject(1, id);
            st.setString(2, "TEXTS-" + id);
            st.setTimestamp(3, at);
            st.setTimestamp(4, at);
            st.setTimestamp(5, at);
            st.setTimestamp(6, apology == null ? null : at);
            st.setString(7, apology);
            st.executeUpdate();
        }
    }

    @Test
    void everyTextComesBackWhateverTheNumberOfIds() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        Map<UUID, String> expected = new HashMap<>();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(true);
            for (int i = 0; i < 40; i++) {
                UUID id = UUID.randomUUID();
                String apology = i % 13 == 5 ? null : "Sorry, Ana, apology number " + i + ".";
                insert(db, id, apology);
                ids.add(id);
                if (apology != null) {
                    expected.put(id, apology);
                }
            }
        }

        try {
            for (int n : List.of(1, 16, 17, 40)) {
                List<UUID> asked = ids.subList(0, n);
                Map<UUID, String> texts = QuarkusTransaction.requiringNew().call(() -> cases.apologyTexts(asked));
                Map<UUID, String> wanted = new HashMap<>(expected);
                wanted.keySet().retainAll(asked);
                assertThat(texts).as("%d ids", n).isEqualTo(wanted);
            }
            assertThat(expected).hasSize(37);
        } finally {
            // other tests read recent apologies and reports: leave nothing behind
            try (Connection db = dataSource.getConnection();
                    PreparedStatement st = db.prepareStatement("delete from recovery_case where client_id = 'crm-texts'")) {
                db.setAutoCommit(true);
                st.executeUpdate();
            }
        }
    }
}
