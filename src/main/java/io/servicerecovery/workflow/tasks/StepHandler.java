package io.servicerecovery.workflow.tasks;

import org.camunda.bpm.engine.variable.VariableMap;

import io.servicerecovery.security.CurrentUser;

/**
 * One human step's own rule and nothing around it. {@link TaskCompletions} has already found the task, checked
 * that the caller holds it, locked the case, opened the case's log context and validated the body; after the rule
 * it completes the engine's task with the variables the rule chose, in the same transaction. So a step is one
 * small class, and what every step does the same way is written once.
 *
 * @param <B> the step's completion body: this type argument is the one place that says it (the registry reads
 *            the JSON into it and the OpenAPI document lists it, see {@link StepHandlers})
 * @param <R> the step's answer
 */
public interface StepHandler<B, R extends StepResult> {

    Outcome<R> decide(OpenTask task, B body, CurrentUser user);

    /** What the rule decided: the step's answer, and the process variables that route the process on. */
    record Outcome<R extends StepResult>(R result, VariableMap variables) {
    }
}
