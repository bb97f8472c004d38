package io.servicerecovery.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Mailbox;

/**
 * Many job threads send at once, each over a new SMTP connection (tests turn keep-alive off): every message
 * arrives, once, and no send is left waiting. Sent from plain threads, as the engine's job executor does.
 * <p>
 * The lost-greeting race that {@link BoundedMailer} avoids needs pooled connections and a cold pool; this test
 * does not provoke it reliably (it passed 12 rounds without the fix). The benchmark does: see
 * docs/performance.md.
 */
@QuarkusTest
class ConcurrentSendTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 4;

    @Inject
    BoundedMailer mailer;

    @Test
    void everyConcurrentSendArrivesExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        ExecutorService jobThreads = Executors.newFixedThreadPool(THREADS);
        List<String> sent = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> sends = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    String messageId = "<" + run + "." + round + "." + i + "@test>";
                    sent.add(messageId);
                    sends.add(jobThreads.submit(() -> {
                        start.await();
                        mailer.send(Mail.withText("customer-" + messageId.hashCode() + "@example.com", "Sorry",
                                "We are sorry.").addHeader("Message-ID", messageId));
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> send : sends) {
                    send.get(); // a lost greeting would fail this with MailServerTimeout after 5 s
                }
            }
        } finally {
            jobThreads.shutdownNow();
        }
        for (String messageId : sent) {
            assertThat(Mailbox.withMessageId(messageId)).as(messageId).hasSize(1);
        }
    }
}
