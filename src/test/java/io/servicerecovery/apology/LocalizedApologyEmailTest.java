package io.servicerecovery.apology;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Mailbox;
import io.servicerecovery.support.Recovery;

/**
 * The follow-up reaches a real SMTP server in the customer's language, and subject,
 * both bodies, Reply-To and Message-ID arrive exactly as written: Thai, Cyrillic,
 * Latvian and Nordic letters, never mojibake. The customer is greeted once: by the apology
 * when it opens with a greeting of its own (as every fixture's does), else by the email.
 */
@QuarkusTest
class LocalizedApologyEmailTest {

    static Stream<ApologyFixtures.Fixture> languages() {
        return Stream.of(ApologyFixtures.EN, ApologyFixtures.SV, ApologyFixtures.DA, ApologyFixtures.LV,
                ApologyFixtures.RU, ApologyFixtures.TH);
    }

    static Stream<ApologyFixtures.Fixture> englishAndSwedish() {
        return Stream.of(ApologyFixtures.EN, ApologyFixtures.SV);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void theFollowUpArrivesInTheCustomersLanguageCharacterForCharacter(ApologyFixtures.Fixture language)
            throws Exception {
        // The fixture's apology ("Hej Karin, jag ber ..."), unique by construction (also against a database kept
        // from earlier runs): it greets, so the email does not greet before it.
        String apology = LocalizedApologies.unique(language);
        assertThat(apology).startsWith(language.greeting());

        Sent sent = send(language, apology);

        assertThat(normalized(sent.text())).isEqualTo(withoutGreeting(normalized(sent.expectedText())));
        assertThat(normalized(sent.html())).isEqualTo(withoutGreeting(normalized(sent.expectedHtml())));
        assertThat(sent.text()).contains(apology).contains("Ana Bērziņa").doesNotContain("agent-ana")
                .doesNotContain(language.name()); // the full name was only in the email's own greeting
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("englishAndSwedish")
    void anApologyWithoutAGreetingIsGreetedByTheEmailOnce(ApologyFixtures.Fixture language) throws Exception {
        // "Karin, jag ber ...": the customer is named, not greeted.
        String apology = LocalizedApologies.unique(language).replace(language.greeting(), language.firstName() + ",");

        Sent sent = send(language, apology);

        assertThat(normalized(sent.text())).isEqualTo(normalized(sent.expectedText()));
        assertThat(normalized(sent.html())).isEqualTo(normalized(sent.expectedHtml()));
        assertThat(sent.text()).contains(apology).contains(language.name()).contains("Ana Bērziņa");
    }

    /** The email as received, and as expected with the template's greeting. */
    private record Sent(String text, String html, String expectedText, String expectedHtml) {
    }

    private static Sent send(ApologyFixtures.Fixture language, String apology) throws Exception {
        String ref = "CRM-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = Recovery.open("crm-acme", aCase().externalRef(ref)
                .customer("name", language.name()).customer("locale", language.locale())
                .failure("category", language.category()).failure("description", language.description()));
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        Recovery.complete("agent-ana", Recovery.task("agent-ana", caseId, "APOLOGY"),
                Map.of("message", apology, "deliveredVia", "PHONE"));

        MimeMessage email = Mailbox.awaitOne(Mailbox.messageIdFor(caseId));
        String lang = language.locale().substring(0, 2);
        Map<String, String> data = Map.of("customerName", language.name(), "apology", apology,
                "agentName", "Ana Bērziņa", "caseRef", ref); // her name from her profile, not her login id

        assertThat(email.getSubject()).isEqualTo(render(lang, "subject.txt", data, false).strip());
        if (!isAscii(email.getSubject())) {
            assertThat(email.getHeader("Subject")[0]).as("RFC 2047 encoded subject").containsIgnoringCase("=?utf-8?");
        }
        assertThat(email.getReplyTo()[0].toString()).isEqualTo("care@example.com");
        assertThat(email.getHeader("Content-Language")[0]).isEqualTo(lang);
        assertThat(email.getAllRecipients()[0].toString()).contains("@example.com");

        MimeMultipart alternatives = (MimeMultipart) email.getContent();
        String text = null;
        String html = null;
        for (int i = 0; i < alternatives.getCount(); i++) {
            BodyPart part = alternatives.getBodyPart(i);
            if (!isAscii((String) part.getContent())) {
                assertThat(part.getContentType()).containsIgnoringCase("charset=utf-8");
            }
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }
        return new Sent(text, html, render(lang, "body.txt", data, false), render(lang, "body.html", data, true));
    }

    /**
     * The expected email without its greeting paragraph (the text's first line and the blank line after it, the
     * HTML's first {@code <p>} after {@code <body>}), and nothing else changed.
     */
    private static String withoutGreeting(String expected) {
        if (expected.startsWith("<!DOCTYPE")) {
            String stripped = expected.replaceFirst("(<body[^>]*>\n)<p>[^\n]*</p>\n", "$1");
            assertThat(stripped).as("a greeting paragraph in the expected HTML").isNotEqualTo(expected);
            return stripped;
        }
        int end = expected.indexOf("\n\n");
        assertThat(end).as("a greeting line in the expected text").isPositive();
        return expected.substring(end + 2);
    }

    /**
     * The expected email part with its four values put in (escaped in HTML). The expected parts are the emails as
     * they were written by hand, per language and part, before both versions came from one file of words.
     */
    private static String render(String lang, String part, Map<String, String> data, boolean html) throws Exception {
        String template = Files.readString(Path.of("src/test/resources/expected-emails/apology-follow-up", lang, part));
        for (Map.Entry<String, String> value : data.entrySet()) {
            template = template.replace("{" + value.getKey() + "}", html ? escape(value.getValue()) : value.getValue());
        }
        return template;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    private static String normalized(String text) {
        return text.replace("\r\n", "\n").strip();
    }
}
