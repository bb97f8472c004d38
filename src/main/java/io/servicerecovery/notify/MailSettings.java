package io.servicerecovery.notify;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "recovery.mail")
public interface MailSettings {

    /** Where a customer's reply goes: a mailbox read by people, never a no-reply address. */
    String replyTo();

    /** The right-hand side of every Message-ID the service generates. */
    String messageIdDomain();

    /** How often and how far apart a failed email is tried again (ISO 8601 repeating interval, e.g. R5/PT1M). */
    String retryCycle();

    /**
     * How long one send may take before it counts as failed and the step's retry cycle takes over. Without a
     * bound, a mail server (or a connection) that stops answering holds a job executor thread for good: the
     * blocking mailer of Quarkus 3.27 waits indefinitely (quarkusio/quarkus#51042); see {@link BoundedMailer}. At least 5 s below the job
     * lock time (45 s; checked at start by {@code process.JobLockTime}), so no other thread takes the job over
     * while a send is still in flight.
     */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** How long opening a connection to the mail server may take before the send fails. */
    @WithDefault("PT10S")
    Duration connectTimeout();

    /**
     * How long a connection to the mail server may go without a byte read or written before the client closes it:
     * a server that accepts and then stops answering fails the send and frees the pool slot after this long,
     * not when the server finally closes the connection. At most the send timeout (checked at start), so a
     * connection is never kept long after its send was given up; keep-alive connections idle in the pool for
     * longer are closed too and opened again when needed.
     */
    @WithDefault("PT20S")
    Duration idleTimeout();
}
