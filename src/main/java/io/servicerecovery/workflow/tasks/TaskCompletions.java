package io.servicerecovery.workflow.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Json;
import io.servicerecovery.common.JsonProblems;
import io.servicerecovery.compensation.ApprovalRequest;
import io.servicerecovery.compensation.ProposalRequest;
import io.servicerecovery.security.CurrentUser;

/**
 * {@code POST /api/tasks/{id}/complete}: one operation for every step, whose body is one of
 * the four step bodies. There is no discriminator in the body, so the task's own type says
 * which: the task is looked up (404, 403) before its body is read (400), then the step's
 * handler does the rest.
 */
@ApplicationScoped
public class TaskCompletions {

    private final StepCompletion steps;
    private final AccountabilityStep accountability;
    private final ApologyStep apology;
    private final ProposalStep proposal;
    private final ApprovalStep approval;
    private final Json json;

    public TaskCompletions(StepCompletion steps, AccountabilityStep accountability, ApologyStep apology,
            ProposalStep proposal, ApprovalStep approval, Json json) {
        this.steps = steps;
        this.accountability = accountability;
        this.apology = apology;
        this.proposal = proposal;
        this.approval = approval;
        this.json = json;
    }

    @Transactional
    public StepResult complete(String taskId, JsonNode body, CurrentUser user) {
        return switch (steps.held(taskId, user).step()) {
            case ACCOUNTABILITY -> accountability.complete(taskId, read(body, AccountabilityCompletion.class), user);
            case APOLOGY -> apology.complete(taskId, read(body, ApologyCompletion.class), user);
            case COMPENSATION -> proposal.complete(taskId, read(body, ProposalRequest.class), user);
            case APPROVAL -> approval.complete(taskId, read(body, ApprovalRequest.class), user);
        };
    }

    private <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalid("", "the body must be a JSON object");
        }
        try {
            return json.mapper().treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
    }
}
