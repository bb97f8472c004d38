package io.servicerecovery.notify;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.Mailbox;
import io.servicerecovery.support.Recovery;
import io.servicerecovery.support.SmtpServerResource;
import io.servicerecovery.testkit.SmtpServer;

/**
 * The mailer as production runs it: pooled connections kept alive and commands pipelined (the test profile
 * turns both off for GreenMail), against a server that handles both and drops idle connections as Postfix
 * does. Many job threads send at once, again on the pooled connections, and again after the server dropped
 * them: every message arrives exactly once and no send is left waiting (BoundedMailer's timeout would fail it).
 */
@QuarkusTest
@TestProfile(ProductionMailSettingsTest.ProductionMail.class)
class ProductionMailSettingsTest {

    /** The production defaults of the mailer, and the pipelining server instead of GreenMail. */
    public static class ProductionMail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.keep-alive", "true", "quarkus.mailer.pipelining", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmtpServerResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final int THREADS = 8;

    @Inject
    BoundedMailer mailer;

    @Test
    void concurrentSendsOnKeptAlivePipelinedConnectionsArriveOnceAlsoAfterTheServerDroppedThem() throws Exception {
        SmtpServer server = SmtpServerResource.server();
        String run = UUID.randomUUID().toString();
        List<String> sent = new ArrayList<>();
        ExecutorService jobThreads = Executors.newFixedThreadPool(THREADS);
        try {
            sendRound(jobThreads, run + ".1", sent);
            sendRound(jobThreads, run + ".2", sent); // on the connections the first round left in the pool
            int afterTwoRounds = server.connections();
            assertThat(server.reusedConnections()).as("connections that carried a second message").isPositive();

            // The server closes the idle pooled connections (421, as Postfix does after its timeout).
            Eventually.await("the server to drop the idle connections", server::openConnections, open -> open == 0);
            assertThat(server.idleCloses()).isPositive();
            sendRound(jobThreads, run + ".3", sent);
            sendRound(jobThreads, run + ".4", sent);
            assertThat(server.connections()).as("new connections after the drop").isGreaterThan(afterTwoRounds);
        } finally {
            jobThreads.shutdownNow();
        }
        List<String> received = server.messageIds();
        for (String messageId : sent) {
            assertThat(received).as(messageId).containsOnlyOnce(messageId);
        }
        assertThat(server.pipelinedBatches()).as("commands the mailer pipelined").isPositive();
    }

    @Test
    void aCasesFollowUpEmailGoesOutWithTheProductionSettings() {
        SmtpServer server = SmtpServerResource.server();
        String caseId = Recovery.open("crm-acme", aCase());
        Recovery.throughApology("agent-ana", caseId);
        String messageId = Mailbox.messageIdFor(caseId);
        Eventually.await("the follow-up at the server", server::messageIds, ids -> ids.contains(messageId));
        assertThat(server.messageIds()).containsOnlyOnce(messageId);
    }

    private void sendRound(ExecutorService jobThreads, String round, List<String> sent) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String messageId = "<" + round + "." + i + "@test>";
            sent.add(messageId);
            sends.add(jobThreads.submit(() -> {
                start.await();
                mailer.send(Mail.withText("customer-" + Math.abs(messageId.hashCode()) + "@example.com", "Sorry",
                        "We are sorry.").addHeader("Message-ID", messageId));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> send : sends) {
            send.get();
        }
    }
}
