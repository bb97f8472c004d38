package io.servicerecovery.bench;

import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The bare engine writes its history as the service does (workflow/engine/LeanHistory, recovery.engine.lean-history):
 * level full without the variable-update details and the identity-link log. A copy, because the baseline runs on the
 * engine's classpath alone, without the service's classes.
 */
final class BaselineHistory extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent historyEvent) {
        if (historyEvent instanceof HistoricIdentityLinkLogEventEntity) {
            return;
        }
        super.handleEvent(historyEvent);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
        return false;
    }
}
