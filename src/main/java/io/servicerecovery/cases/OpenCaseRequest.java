package io.servicerecovery.cases;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.servicerecovery.common.LanguageTag;
import io.servicerecovery.common.Money;

/**
 * What a CRM reports. Server-owned fields (id, status, timeline, grant ...) are not
 * part of it, so a request that sends them is rejected as carrying unknown fields.
 */
public record OpenCaseRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{Graph}]+", message = "must be printable characters without spaces")
        String externalRef,
        @NotNull @Valid Customer customer,
        @NotNull @Valid Failure failure,
        @Valid Money orderValue,
        @Size(min = 1, max = 100) @Pattern(regexp = "[\\p{Graph}]+", message = "must be an agent id without spaces")
        String ownerAgent) {

    public record Customer(
            @NotBlank @Size(max = 100) String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 320) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address")
            String email,
            @NotBlank @Size(max = 35) @LanguageTag String locale,
            @NotNull Tier tier) {
    }

    public record Failure(
            @NotNull FailureStage stage,
            @NotNull Channel channel,
            @NotBlank @Size(max = 100) String category,
            @NotBlank @Size(max = 4000) String description,
            @NotNull Severity severity,
            @NotNull Instant occurredAt) {
    }
}
