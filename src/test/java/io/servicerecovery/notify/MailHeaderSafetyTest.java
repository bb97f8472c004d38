package io.servicerecovery.notify;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.GreenMailResource;
import io.servicerecovery.support.Mailbox;
import io.servicerecovery.support.Recovery;

/**
 * What a CRM sends as a customer's name can never become a header of the follow-up email: single-line fields
 * with a line break are refused at the door, and whatever reaches the mailer is encoded (RFC 2047), so any
 * Unicode, emoji included, arrives as it was written. Checked on what the real SMTP server received.
 */
@QuarkusTest
class MailHeaderSafetyTest {

    @Inject
    BoundedMailer mailer;

    @Test
    void aNameWithALineBreakIsRefusedNamingTheField() {
        Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(aCase().customer("name", "Ana Ozola\nBcc: evil2@attacker.test").build())
                .post("/api/cases").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("customer.name"));
        Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(aCase().customer("email", "ana@example.com\r\nBcc: evil@attacker.test").build())
                .post("/api/cases").then().statusCode(400).body("violations.field", hasItem("customer.email"));
        Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(aCase().externalRef("CRM-1\u0000").build())
                .post("/api/cases").then().statusCode(400).body("violations.field", hasItem("externalRef"));
    }

    @Test
    void anEmojiInTheNameArrivesIntactInTheSubjectAndTheToHeaderWithNoEmptyHeaders() throws Exception {
        String name = "Ana Ozola \uD83C\uDF38 Þórður ลูกค้า";
        String caseId = Recovery.open("crm-acme", aCase().customer("name", name));
        Recovery.throughApology("agent-ana", caseId);

        MimeMessage mail = Mailbox.awaitOne(Mailbox.messageIdFor(caseId));

        assertThat(mail.getSubject()).startsWith(name + ", we are sorry").doesNotContain("?");
        InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo(name);
        assertThat(to.getAddress()).endsWith("@example.com");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Customer Care");
        assertThat(mail.getHeader("Cc")).isNull();
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(headers(mail)).allSatisfy(h -> assertThat(h.getValue()).as(h.getName()).isNotBlank());
    }

    @Test
    void aLineBreakThatReachesTheMailerStaysInsideTheDisplayNameAndTheSubject() throws Exception {
        // Defence in depth: a name stored before single-line fields were enforced.
        String name = "Ana Ozola\nBcc: evil2@attacker.test\nContent-Type: text/html\n\n<h1>Call +1-555-SCAM</h1>";
        String messageId = "<" + UUID.randomUUID() + "@mail-header-safety.test>";
        mailer.send(Mail.withText(name + " <ana.safety@example.com>", "Dear " + name, "Plain body.")
                .setReplyTo("care@example.com").addHeader("Message-ID", messageId));

        MimeMessage mail = Mailbox.awaitOne(messageId);
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo(name);
        assertThat(mail.getSubject()).isEqualTo("Dear " + name);
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getHeader("Content-Type")[0]).startsWith("text/plain");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("care@example.com");
        assertThat(Arrays.stream(GreenMailResource.smtp().getReceivedMessages())
                .flatMap(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients());
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).map(Object::toString)).noneMatch(address -> address.contains("attacker"));
        assertThat(mail.getContent().toString().strip()).isEqualTo("Plain body.");
    }

    @Test
    void aHeaderValueWithALineBreakIsNeverWritten() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailer.send(Mail.withText("ana@example.com", "Hi",
                "Body").addHeader("X-Note", "one\nBcc: evil@attacker.test")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Header> headers(MimeMessage mail) throws Exception {
        return Collections.list(mail.getAllHeaders());
    }
}
