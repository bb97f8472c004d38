package io.servicerecovery.workflow.tasks;

import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Page;
import io.servicerecovery.compensation.CompensationType;
import io.servicerecovery.compensation.GrantView;
import io.servicerecovery.compensation.ProposalOutcome;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.support.Api;
import io.servicerecovery.workflow.RecoveryStep;

/** The task API's HTTP side alone: parameters, answers and problems, with the services mocked. */
@QuarkusTest
class TaskResourceTest {

    @InjectMock
    TaskInbox inbox;
    @InjectMock
    TaskClaims claims;
    @InjectMock
    TaskCompletions completions;

    @Test
    void passesTheTypedFiltersToTheInbox() {
        UUID caseId = UUID.randomUUID();
        when(inbox.page(any(), anyInt())).thenReturn(new Page<>(List.of(), null));

        Api.as("agent-ana").queryParam("assignee", "me").queryParam("type", "APOLOGY")
                .queryParam("caseId", caseId.toString()).queryParam("limit", 20)
                .get("/api/tasks").then().statusCode(200).body("items.size()", equalTo(0));

        verify(inbox).query(any(CurrentUser.class), eq(TaskInbox.AssigneeFilter.ME), eq(RecoveryStep.APOLOGY),
                eq(caseId), isNull(), argThat(page -> page.limit() == 20 && page.position() == null));
        verify(inbox).page(any(), eq(20));
    }

    @Test
    void rejectsAnUnknownAssigneeFilterBeforeAnyServiceIsAsked() {
        Api.as("agent-ana").queryParam("assignee", "everyone").get("/api/tasks").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("assignee"));
        verifyNoInteractions(inbox);
    }

    @Test
    void answersAProposalWithItsOwnDecisionAndGrant() {
        UUID caseId = UUID.randomUUID();
        GrantView grant = new GrantView(UUID.randomUUID(), CompensationType.CREDIT, new BigDecimal("20.00"), "EUR",
                null, "agent-ana", Instant.parse("2026-11-30T10:00:00Z"));
        when(completions.complete(eq("task-1"), any(), any())).thenReturn(new ProposalStep.Decided("task-1", caseId,
                ProposalOutcome.APPROVED_WITHIN_EMPOWERMENT, null, grant, null));

        Api.as("agent-ana").body(Map.of("type", "CREDIT", "amount", "20.00", "currency", "EUR", "reason", "Late"))
                .post("/api/tasks/task-1/complete").then().statusCode(200)
                .body("type", equalTo("COMPENSATION"))
                .body("caseId", equalTo(caseId.toString()))
                .body("caseStatus", equalTo("AWAITING_COMPENSATION"))
                .body("decision", equalTo("APPROVED_WITHIN_EMPOWERMENT"))
                .body("grant.amount", equalTo("20.00"));
    }

    @Test
    void answersAnEscalatedProposalWithTheApproverLevel() {
        when(completions.complete(eq("task-2"), any(), any())).thenReturn(new ProposalStep.Decided("task-2",
                UUID.randomUUID(), ProposalOutcome.PENDING_APPROVAL, io.servicerecovery.empowerment.Level.TEAM_LEAD,
                null, null));

        Api.as("agent-ana").body(Map.of("type", "CREDIT", "amount", "120.00", "currency", "EUR", "reason", "Late"))
                .post("/api/tasks/task-2/complete").then().statusCode(200)
                .body("caseStatus", equalTo("AWAITING_APPROVAL"))
                .body("decision", equalTo("PENDING_APPROVAL"))
                .body("approverLevel", equalTo("TEAM_LEAD"));
    }

    @Test
    void turnsAServiceConflictIntoProblemJson() {
        when(claims.claim(eq("task-3"), any())).thenThrow(DomainException.conflict("Someone else holds this task."));

        Api.as("agent-ana").post("/api/tasks/task-3/claim").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Someone else holds this task."))
                .body("instance", equalTo("/api/tasks/task-3/claim"));
    }

    @Test
    void keepsTheTaskApiFromCrmClients() {
        Api.as("crm-acme").get("/api/tasks").then().statusCode(403);
        verifyNoInteractions(inbox);
    }
}
