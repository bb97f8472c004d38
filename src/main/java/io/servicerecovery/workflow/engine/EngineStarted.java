package io.servicerecovery.workflow.engine;

import org.camunda.bpm.engine.ProcessEngine;

/** Fired once the process engine is built, before its job executor starts taking jobs. */
public record EngineStarted(ProcessEngine engine) {
}
