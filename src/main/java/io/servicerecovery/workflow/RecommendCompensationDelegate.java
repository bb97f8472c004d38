package io.servicerecovery.workflow;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.Money;
import io.servicerecovery.compensation.CompensationRecommendations;
import io.servicerecovery.compensation.CompensationType;

/**
 * Evaluates the compensation matrix (bpmn/compensation-matrix.dmn) for the case and
 * stores the recommendation with the case, where the COMPENSATION task shows it.
 */
@Dependent
@Named("recommendCompensationDelegate")
public class RecommendCompensationDelegate extends CaseStepDelegate {

    static final String DECISION_KEY = "compensation-matrix";

    private final DecisionService decisions;
    private final CompensationRecommendations recommendations;
    private final CaseProgress cases;

    public RecommendCompensationDelegate(DecisionService decisions, CompensationRecommendations recommendations,
            CaseProgress cases) {
        this.decisions = decisions;
        this.recommendations = recommendations;
        this.cases = cases;
    }

    @Override
    protected void run(DelegateExecution execution, UUID caseId) {
        // The decision's inputs come from the case, not from process variables: the case is read here anyway
        // for its order amount, and variables would cost rows in the engine's tables for every case.
        RecoveryCase c = cases.find(caseId);
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(DECISION_KEY, Variables.createVariables()
                .putValue("severity", c.severity.name())
                .putValue("tier", c.customerTier.name())
                .putValue("stage", c.failureStage.name())
                .putValue("repeatFailure", c.repeatFailure))
                .getSingleResult().getEntryMap();
        CompensationType type = CompensationType.valueOf((String) result.get("recommendedType"));
        int percent = ((Number) result.get("recommendedPercent")).intValue();
        recommendations.record(caseId, type, percent,
                c.orderAmount == null ? null : new Money(c.orderAmount, c.orderCurrency));
    }
}
