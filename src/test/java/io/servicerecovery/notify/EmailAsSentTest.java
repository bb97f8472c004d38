package io.servicerecovery.notify;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.profile.StaffProfiles;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.GreenMailResource;
import io.servicerecovery.support.Mailbox;
import io.servicerecovery.support.Recovery;

/**
 * The follow-up is rendered once and kept with its delivery: a retry after the mail server failed sends the kept
 * words, not a new rendering; a delivery from before the words were kept is rendered at its next send and kept
 * then.
 */
@QuarkusTest
class EmailAsSentTest {

    private static final String AGENT = "agent-ben";

    @Inject
    ApologyFollowUp followUp;

    @Inject
    StaffProfiles profiles;

    @Inject
    EmailDeliveryRepository deliveries;

    @AfterEach
    void smtpBack() {
        GreenMailResource.startSmtp();
    }

    @Test
    void aRetryAfterTheMailServerFailedSendsTheKeptWordsNotANewRendering() throws Exception {
        StaffProfiles.Profile before = profiles.of(AGENT);
        String caseId = caseAtApology();
        try {
            profiles.save(AGENT, "Ben Before", null);
            GreenMailResource.stopSmtp();
            Recovery.complete(AGENT, Recovery.task(AGENT, caseId, "APOLOGY"), Recovery.apology());
            String incident = awaitIncident(caseId);

            SentEmail kept = followUp.asSent(UUID.fromString(caseId));
            assertThat(kept.state()).isEqualTo(SentEmail.EmailState.FAILED);
            assertThat(kept.attempts()).isEqualTo(2);
            assertThat(kept.sentAt()).isNull();
            assertThat(kept.text()).contains("Ben Before");

            // Meanwhile the agent changes the name customers see; a new rendering would sign with it.
            profiles.save(AGENT, "Ben After", null);
            GreenMailResource.startSmtp();
            Api.as("admin").post("/api/incidents/" + incident + "/retry").then().statusCode(200);

            MimeMessage received = Mailbox.awaitOne(Mailbox.messageIdFor(caseId));
            assertThat(received.getSubject()).isEqualTo(kept.subject());
            assertThat(part(received, "text/plain")).isEqualTo(kept.text().stripTrailing()).contains("Ben Before")
                    .doesNotContain("Ben After");
            assertThat(part(received, "text/html")).isEqualTo(kept.html().stripTrailing());
            assertThat(received.getHeader("Content-Language")[0]).isEqualTo(kept.language());
            SentEmail sent = Eventually.await("the delivery of case " + caseId + " accepted",
                    () -> followUp.asSent(UUID.fromString(caseId)), e -> e.state() == SentEmail.EmailState.SENT);
            assertThat(sent.sentAt()).isNotNull();
            assertThat(sent.subject()).isEqualTo(kept.subject());
            assertThat(sent.text()).isEqualTo(kept.text());
        } finally {
            profiles.save(AGENT, before.displayName(), before.signature());
        }
    }

    @Test
    void aDeliveryFromBeforeTheWordsWereKeptIsRenderedAtItsNextSendAndKept() throws Exception {
        String caseId = caseAtApology();
        GreenMailResource.stopSmtp();
        Recovery.complete(AGENT, Recovery.task(AGENT, caseId, "APOLOGY"), Recovery.apology());
        String incident = awaitIncident(caseId);
        // As V11 leaves a row written before it.
        QuarkusTransaction.requiringNew().run(() -> {
            EmailDelivery row = deliveries.forStep(UUID.fromString(caseId), ApologyFollowUp.STEP);
            row.subject = null;
            row.textBody = null;
            row.htmlBody = null;
        });
        assertThat(followUp.asSent(UUID.fromString(caseId)).hasWords()).isFalse();

        GreenMailResource.startSmtp();
        Api.as("admin").post("/api/incidents/" + incident + "/retry").then().statusCode(200);

        MimeMessage received = Mailbox.awaitOne(Mailbox.messageIdFor(caseId));
        SentEmail kept = followUp.asSent(UUID.fromString(caseId));
        assertThat(kept.hasWords()).isTrue();
        assertThat(received.getSubject()).isEqualTo(kept.subject());
        assertThat(part(received, "text/plain")).isEqualTo(kept.text().stripTrailing());
    }

    /** A new case of {@value #AGENT}'s whose accountability is taken, so that its APOLOGY task is next. */
    private static String caseAtApology() {
        String caseId = Recovery.open("crm-acme", aCase());
        String accountability = Recovery.task(AGENT, caseId, "ACCOUNTABILITY");
        Recovery.claim(AGENT, accountability);
        Recovery.complete(AGENT, accountability, Recovery.accountability());
        return caseId;
    }

    private static String awaitIncident(String caseId) {
        return Eventually.await("an incident on case " + caseId,
                () -> Api.as("admin").queryParam("caseId", caseId).get("/api/incidents").then().statusCode(200)
                        .extract().jsonPath(),
                json -> !json.getList("items").isEmpty())
                .getString("items[0].id");
    }

    private static String part(MimeMessage message, String type) throws Exception {
        MimeMultipart alternatives = (MimeMultipart) message.getContent();
        for (int i = 0; i < alternatives.getCount(); i++) {
            BodyPart part = alternatives.getBodyPart(i);
            if (part.isMimeType(type)) {
                // the line end that ended the last line is not sent (the mail client drops it)
                return ((String) part.getContent()).replace("\r\n", "\n").stripTrailing();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
