package io.servicerecovery.timeline;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.cases.CaseService;
import io.servicerecovery.cases.OpenCaseRequest;
import io.servicerecovery.support.MovableClock;

/** The timeline of a case opened in this transaction, taken from what was recorded, reads as the stored one. */
@QuarkusTest
class TimelineTest {

    @Inject
    Timeline timeline;

    @Inject
    CaseService cases;

    @Inject
    ObjectMapper mapper;

    @Test
    void aNewCasesTimelineFromThisTransactionIsTheOneTheDatabaseGivesBack() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        QuarkusTransaction.requiringNew().run(() -> {
            UUID opened = cases.open("crm-acme", request()).id();
            UUID another = cases.open("crm-acme", request()).id();
            clock.advance(Duration.ofMillis(5));
            timeline.record(opened, TimelineKind.TASK_CLAIMED, "agent-ana", "Claimed", Map.of("step", "ACCOUNTABILITY"));
            timeline.record(another, TimelineKind.TASK_CLAIMED, "agent-ben", "Another case's entry", null);

            List<TimelineEntryView> here = timeline.ofCaseCreatedHere(opened);
            assertThat(here).extracting(TimelineEntryView::kind)
                    .containsExactly(TimelineKind.CASE_OPENED, TimelineKind.TASK_CLAIMED);
            assertThat(here).isEqualTo(timeline.of(opened));

            // Entries at one instant: the database orders them by (random) id, so they are read back. Four of
            // them, so that the order they were recorded in is rarely the database's by chance.
            for (int i = 1; i <= 3; i++) {
                timeline.record(opened, TimelineKind.TASK_RELEASED, "agent-ana", "At the same instant " + i, null);
            }
            assertThat(timeline.ofCaseCreatedHere(opened)).hasSize(5).isEqualTo(timeline.of(opened));
        });
    }

    private OpenCaseRequest request() {
        return mapper.convertValue(aCase().build(), OpenCaseRequest.class);
    }
}
