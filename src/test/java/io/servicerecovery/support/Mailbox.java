package io.servicerecovery.support;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the test SMTP server received, by Message-ID. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> withMessageId(String messageId) {
        return Arrays.stream(GreenMailResource.smtp().getReceivedMessages())
                .filter(m -> messageId.equals(messageIdOf(m))).toList();
    }

    public static MimeMessage awaitOne(String messageId) {
        return Eventually.await("the email " + messageId, () -> withMessageId(messageId), found -> !found.isEmpty())
                .get(0);
    }

    public static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String messageIdFor(String caseId) {
        return "<case-" + caseId + ".apology@service-recovery.example.com>";
    }
}
