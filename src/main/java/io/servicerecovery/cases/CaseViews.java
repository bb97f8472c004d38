package io.servicerecovery.cases;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.common.Money;
import io.servicerecovery.compensation.CompensationQueries;
import io.servicerecovery.timeline.Timeline;

/** Maps a case entity to what the API shows. */
@ApplicationScoped
public class CaseViews {

    private final Timeline timeline;
    private final CompensationQueries compensation;

    public CaseViews(Timeline timeline, CompensationQueries compensation) {
        this.timeline = timeline;
        this.compensation = compensation;
    }

    public CaseView full(RecoveryCase c) {
        return view(c, true);
    }

    /**
     * The full view of a case opened in the current transaction, without reading back what this transaction
     * wrote: no compensation can have been proposed for it yet, and its timeline is what was recorded here.
     */
    public CaseView justOpened(RecoveryCase c) {
        return new CaseView(c.id, c.externalRef, c.status, c.currentStep, c.priority, c.repeatFailure,
                customer(c), failure(c), orderValue(c), c.ownerAgent, c.accountableAgent, c.rootCause,
                c.accountabilityStatement, apology(c), null, c.processInstanceId, c.createdAt, c.updatedAt, c.closedAt,
                timeline.ofCaseCreatedHere(c.id));
    }

    public boolean hasGrant(java.util.UUID caseId) {
        return compensation.viewFor(caseId).map(v -> v.grant() != null).orElse(false);
    }

    public CaseView summary(RecoveryCase c) {
        return view(c, false);
    }

    private CaseView view(RecoveryCase c, boolean withTimeline) {
        return new CaseView(c.id, c.externalRef, c.status, c.currentStep, c.priority, c.repeatFailure,
                customer(c), failure(c), orderValue(c), c.ownerAgent, c.accountableAgent, c.rootCause,
                c.accountabilityStatement, apology(c), withTimeline ? compensation.viewFor(c.id).orElse(null) : null,
                c.processInstanceId, c.createdAt, c.updatedAt, c.closedAt,
                withTimeline ? timeline.of(c.id) : null);
    }

    private static CaseView.Customer customer(RecoveryCase c) {
        return new CaseView.Customer(c.customerId, c.customerName, c.customerEmail, c.customerLocale, c.customerTier);
    }

    private static CaseView.Failure failure(RecoveryCase c) {
        return new CaseView.Failure(c.failureStage, c.failureChannel, c.failureCategory, c.failureDescription,
                c.severity, c.occurredAt);
    }

    private static Money orderValue(RecoveryCase c) {
        return c.orderAmount == null ? null : new Money(c.orderAmount, c.orderCurrency);
    }

    private static CaseView.Apology apology(RecoveryCase c) {
        return c.apologyMessage == null ? null : new CaseView.Apology(c.apologyMessage, c.apologyVia);
    }
}
