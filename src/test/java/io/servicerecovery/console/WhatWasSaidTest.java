package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Apologies;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.ConsoleSignIn;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.Mailbox;
import io.servicerecovery.support.Recovery;

/**
 * What was said, shown (issue 32): the case page shows the accountability statement, the apology as given and
 * the follow-up email exactly as the mail server received it (subject, recipient, language, delivery, text), in
 * the page's language.
 */
@QuarkusTest
class WhatWasSaidTest {

    @Test
    void theCasePageShowsTheStatementTheApologyAndTheEmailAsTheCustomerGotIt() throws Exception {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        String apology = Apologies.unique();
        Recovery.complete("agent-ana", Recovery.task("agent-ana", caseId, "APOLOGY"),
                Map.of("message", apology, "deliveredVia", "CHAT"));

        MimeMessage received = Mailbox.awaitOne(Mailbox.messageIdFor(caseId));
        String to = ((InternetAddress) received.getAllRecipients()[0]).getAddress();
        String text = textOf(received);
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        // The server accepted it a moment before the delivery's row says so.
        String english = Eventually.await("the case page to say the email is sent", () -> page(ana, caseId, "en"),
                p -> p.contains("id=\"sent-state\">Sent, "));
        String swedish = page(ana, caseId, "sv");

        String statement = escaped(Recovery.accountability().get("statement"));
        assertThat(english).contains(">What the customer was told</h2>")
                .contains("id=\"said-statement\">" + statement + "<")
                .contains("id=\"said-root-cause\">Carrier delay<")
                .contains("id=\"said-apology\">" + escaped(apology) + "<")
                .contains("id=\"said-apology-via\">In a chat<")
                .contains("id=\"sent-to\">" + escaped(to) + "<")
                .contains("id=\"sent-language\">English<")
                .contains("id=\"sent-subject\">" + escaped(received.getSubject()) + "<")
                .contains("<div class=\"prose\">" + escaped(text) + "\n</div>");
        assertThat(swedish).contains(">Vad kunden fick höra</h2>")
                .contains("id=\"said-statement\">" + statement + "<")
                .contains("id=\"said-root-cause\">Försenad transport<")
                .contains("id=\"said-apology\">" + escaped(apology) + "<")
                .contains("id=\"said-apology-via\">I en chatt<")
                .contains("id=\"sent-state\">Skickat, ")
                .contains("id=\"sent-to\">" + escaped(to) + "<")
                .contains("id=\"sent-language\">engelska<")
                .contains("id=\"sent-subject\">" + escaped(received.getSubject()) + "<")
                .contains("<div class=\"prose\">" + escaped(text) + "\n</div>");
        assertThat(received.getSubject()).contains("Ana Ozola");
        assertThat(text).contains(apology);
    }

    @Test
    void beforeTheApologyNothingIsShownOfTheEmail() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        String accountability = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Recovery.claim("agent-ana", accountability);
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        assertThat(page(ana, caseId, "en")).doesNotContain("id=\"said\"");

        Recovery.complete("agent-ana", accountability, Recovery.accountability());
        assertThat(page(ana, caseId, "en")).contains("id=\"said-statement\"").doesNotContain("id=\"said-apology\"")
                .doesNotContain("id=\"sent-email\"");
    }

    static String page(ConsoleSignIn who, String caseId, String language) {
        return who.request().header("Accept-Language", language).get("/console/cases/" + caseId).then()
                .statusCode(200).extract().asString();
    }

    /** The text part as the server received it, with the line ends the service wrote. */
    static String textOf(MimeMessage message) throws Exception {
        MimeMultipart alternatives = (MimeMultipart) message.getContent();
        for (int i = 0; i < alternatives.getCount(); i++) {
            BodyPart part = alternatives.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                // as sent, less the line end that ended the last line (the mail client drops it)
                return ((String) part.getContent()).replace("\r\n", "\n").stripTrailing();
            }
        }
        throw new AssertionError("no text part in " + Mailbox.messageIdOf(message));
    }

    /** As Qute escapes a value in HTML. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
