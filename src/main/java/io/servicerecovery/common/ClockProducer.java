package io.servicerecovery.common;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/** The service's notion of now. Tests replace it to move time without sleeping. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        // Microseconds: what PostgreSQL and H2 store, so an answer and a later read agree.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
