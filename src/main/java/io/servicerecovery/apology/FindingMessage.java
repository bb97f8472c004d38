package io.servicerecovery.apology;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A {@link Finding} as the API answers it, its text rendered in English ({@link FindingTexts#english()}).
 *
 * @param code       stable, machine-readable code ({@link FindingCode}); clients may switch on it
 * @param message    what to change, in English, written for the agent
 * @param blocking   whether the text must not be submitted as it is
 * @param sentence   the agent's own sentence the finding is about, as written; absent when it is about the whole text
 * @param suggestion a wording for that sentence in the customer's language, built from the agent's sentence; absent
 *                   when there is none to offer
 */
@Schema(name = "Finding")
public record FindingMessage(String code, String message, boolean blocking,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sentence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String suggestion) {
}
