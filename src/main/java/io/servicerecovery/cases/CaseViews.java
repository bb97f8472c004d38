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

    public boolean hasGrant(java.util.UUID caseId) {
        return compensation.viewFor(caseId).map(v -> v.grant() != null).orElse(false);
    }

    public CaseView summary(RecoveryCase c) {
        return view(c, false);
    }

    private CaseView view(RecoveryCase c, boolean withTimeline) {
        return new CaseView(c.id, c.externalRef, c.status, c.currentStep, c.priority, c.repeatFailure,
                new CaseView.Customer(c.customerId, c.customerName, c.customerEmail, c.customerLocale, c.customerTier),
                new CaseView.Failure(c.failureStage, c.failureChannel, c.failureCategory, c.failureDescription,
                        c.severity, c.occurredAt),
                c.orderAmount == null ? null : new Money(c.orderAmount, c.orderCurrency),
                c.ownerAgent, c.accountableAgent, c.rootCause, c.accountabilityStatement,
                c.apologyMessage == null ? null : new CaseView.Apology(c.apologyMessage, c.apologyVia),
                withTimeline ? compensation.viewFor(c.id).orElse(null) : null,
                c.processInstanceId, c.createdAt, c.updatedAt, c.closedAt,
                withTimeline ? timeline.of(c.id) : null);
    }
}
