package io.servicerecovery.notify;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "recovery.mail")
public interface MailSettings {

    /** Where a customer's reply goes: a mailbox read by people, never a no-reply address. */
    String replyTo();

    /** The right-hand side of every Message-ID the service generates. */
    String messageIdDomain();

    /** How often and how far apart a failed email is tried again (ISO 8601 repeating interval, e.g. R5/PT1M). */
    String retryCycle();
}
