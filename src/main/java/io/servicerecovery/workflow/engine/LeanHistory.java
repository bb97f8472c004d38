package io.servicerecovery.workflow.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history as at history level {@code full} (process, activity and task instances, incidents, the job
 * log, decisions, each variable's last value in ACT_HI_VARINST) without two tables nobody reads:
 * <ul>
 * <li>ACT_HI_DETAIL, one row for every value a variable ever took (12 of the 59 engine rows per case);
 * <li>ACT_HI_IDENTITYLINK, the log of each task's candidate groups and assignee as they were added and removed
 * (6 per case): the task inbox table says who may take a task now, the case timeline who did what.
 * </ul>
 * Why a handler and not a history level: the engine stores its history level in the database and refuses to start
 * when the configuration names another one, so a new level would need a migration of every installation; a
 * handler only changes what is written from now on. {@code recovery.engine.lean-history=false} writes both again.
 */
public class LeanHistory extends DbHistoryEventHandler {

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
