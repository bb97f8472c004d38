package io.servicerecovery.cases;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.servicerecovery.common.FreeText;
import io.servicerecovery.common.LanguageTag;
import io.servicerecovery.common.Money;
import io.servicerecovery.common.SingleLine;

/**
 * What a CRM reports. Server-owned fields (id, status, timeline, grant ...) are not
 * part of it, so a request that sends them is rejected as carrying unknown fields.
 */
public record OpenCaseRequest(
        @NotBlank @Size(max = 100) @SingleLine
        @Pattern(regexp = "[\\p{Graph}]+", message = "must be printable characters without spaces")
        @Schema(pattern = VISIBLE_ASCII, examples = "CRM-123")
        String externalRef,
        @NotNull @Valid Customer customer,
        @NotNull @Valid Failure failure,
        @Valid Money orderValue,
        @Size(min = 1, max = 100) @SingleLine
        @Pattern(regexp = "[\\p{Graph}]+", message = "must be an agent id without spaces")
        @Schema(pattern = VISIBLE_ASCII, examples = "agent-ana")
        String ownerAgent) {

    /**
     * Java's {@code [\p{Graph}]+} as a whole match, written for the OpenAPI document, whose patterns are
     * ECMA-262 and match anywhere unless anchored: what every client generator understands.
     */
    static final String VISIBLE_ASCII = "^[!-~]+$";

    /**
     * An address that every mail server takes as it is: ASCII, no quoting, no comments, no routes. It goes
     * into the envelope and the To header of the follow-up email.
     */
    static final String EMAIL = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+";

    @Schema(name = "Customer", description = "The customer who had the bad experience")
    public record Customer(
            @NotBlank @Size(max = 100) @SingleLine String id,
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotBlank @Size(max = 320) @SingleLine @Email(regexp = EMAIL, message = "must be an e-mail address")
            String email,
            @NotBlank @Size(max = 35) @SingleLine @LanguageTag String locale,
            @NotNull Tier tier) {
    }

    @Schema(name = "Failure", description = "What went wrong, where and when")
    public record Failure(
            @NotNull FailureStage stage,
            @NotNull Channel channel,
            @NotBlank @Size(max = 100) @SingleLine String category,
            @NotBlank @Size(max = 4000) @FreeText String description,
            @NotNull Severity severity,
            @NotNull Instant occurredAt) {
    }
}
