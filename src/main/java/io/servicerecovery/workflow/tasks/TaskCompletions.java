package io.servicerecovery.workflow.tasks;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.servicerecovery.common.CaseLogContext;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Json;
import io.servicerecovery.common.JsonProblems;
import io.servicerecovery.compensation.ApprovalRequest;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * Completing a human step, for the API and the console alike: the task is found and held, the case locked, the
 * body validated, then the step's handler ({@link StepHandlers}) applies its rule and the process moves on, all in
 * one transaction. Only the order of the checks differs by caller, as each caller always had it.
 */
@ApplicationScoped
public class TaskCompletions {

    private final StepHandlers handlers;
    private final StepCompletion steps;
    private final TaskLookup lookup;
    private final TaskClaims claims;
    private final Json json;
    private final Validator validator;

    public TaskCompletions(StepHandlers handlers, StepCompletion steps, TaskLookup lookup, TaskClaims claims, Json json,
            Validator validator) {
        this.handlers = handlers;
        this.steps = steps;
        this.lookup = lookup;
        this.claims = claims;
        this.json = json;
        this.validator = validator;
    }

    /**
     * {@code POST /api/tasks/{id}/complete}: the body is one of the step bodies with no discriminator, so the
     * task's own type says which: the task is looked up (not found, not allowed) before its body is read.
     */
    @Transactional
    public StepResult complete(String taskId, JsonNode body, CurrentUser user) {
        OpenTask task = steps.held(taskId, user);
        StepHandlers.Registered<?, ?> step = handlers.of(task.step());
        return decide(task, step, validated(read(body, step.bodyType())), user);
    }

    /**
     * A console form that knows its step and built its body: the body is checked first, so a half-filled form is
     * answered with its fields before anything about the task; a task of another step is a conflict.
     */
    @Transactional
    public StepResult complete(String taskId, RecoveryStep step, Object body, CurrentUser user) {
        validated(body);
        return decide(steps.held(taskId, step, user), handlers.of(step), body, user);
    }

    /**
     * The approvals page's one click: take the approval when nobody holds it and decide it, in one transaction, so
     * a refused decision (a rejection without a note, say) leaves the approval free for any approver as it was.
     */
    @Transactional
    public StepResult claimAndDecide(String taskId, ApprovalRequest request, CurrentUser user) {
        validated(request);
        OpenTask task = lookup.visible(taskId, user);
        if (task.assignee() == null) {
            claims.take(task, user);
        }
        // Held as any completion: someone else's approval is theirs to decide, the case is locked here.
        return decide(steps.held(taskId, RecoveryStep.APPROVAL, user), handlers.of(RecoveryStep.APPROVAL), request,
                user);
    }

    private StepResult decide(OpenTask task, StepHandlers.Registered<?, ?> step, Object body, CurrentUser user) {
        try (CaseLogContext log = task.logContext()) {
            StepHandler.Outcome<? extends StepResult> outcome = step.decide(task, body, user);
            steps.finish(task, user, outcome.variables());
            return outcome.result();
        }
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

    /** The bean validation the step bodies declare, as the API's resources get it for their parameters. */
    private <T> T validated(T body) {
        if (body == null) {
            throw DomainException.invalid("", "the body must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
