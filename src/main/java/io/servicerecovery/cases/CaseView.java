package io.servicerecovery.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.servicerecovery.common.Money;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.timeline.TimelineEntryView;

/** A case as the API shows it: everything known, so nobody asks the customer twice. */
public record CaseView(
        UUID id,
        String externalRef,
        CaseStatus status,
        CaseStep currentStep,
        int priority,
        boolean repeatFailure,
        Customer customer,
        Failure failure,
        Money orderValue,
        String ownerAgent,
        String accountableAgent,
        String rootCause,
        String accountabilityStatement,
        Apology apology,
        CompensationView compensation,
        String processInstanceId,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        List<TimelineEntryView> timeline) {

    public record Apology(String message, String deliveredVia) {
    }

    // Named apart from OpenCaseRequest's records of the same simple name (otherwise Customer1, Failure1).
    @Schema(name = "CaseCustomer", description = "The customer as the case knows them")
    public record Customer(String id, String name, String email, String locale, Tier tier) {
    }

    @Schema(name = "CaseFailure", description = "The failed experience as the CRM reported it")
    public record Failure(FailureStage stage, Channel channel, String category, String description,
            Severity severity, Instant occurredAt) {
    }
}
