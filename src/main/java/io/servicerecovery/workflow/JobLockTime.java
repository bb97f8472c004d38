package io.servicerecovery.workflow;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.servicerecovery.notify.MailSettings;
import io.servicerecovery.workflow.engine.EngineConfig;

/**
 * Refuses to start when an email send may outlast the job lock. The engine does not
 * renew a lock while a job runs: once it expires, another thread (or replica) takes the
 * job over, and a send still in flight would then be the second copy of an email.
 */
@ApplicationScoped
public class JobLockTime {

    /** The engine setting; the lock must exceed the send timeout by this much (acquisition, queueing, commit). */
    static final String PROPERTY = "recovery.engine.job-executor.lock-time";
    static final Duration MARGIN = Duration.ofSeconds(5);

    void check(@Observes StartupEvent start, MailSettings mail, EngineConfig engine) {
        requireSendWithinLock(mail.sendTimeout(), engine.jobExecutor().lockTime());
    }

    static void requireSendWithinLock(Duration sendTimeout, Duration lockTime) {
        if (sendTimeout.plus(MARGIN).compareTo(lockTime) > 0) {
            throw new IllegalStateException("recovery.mail.send-timeout (" + sendTimeout + ") must stay at least "
                    + MARGIN.toSeconds() + " s below the job lock time (" + PROPERTY + ", " + lockTime
                    + "): a job whose lock expires during a send is run again and the customer gets the email twice");
        }
    }
}
