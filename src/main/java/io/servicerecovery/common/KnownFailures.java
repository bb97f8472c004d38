package io.servicerecovery.common;

/**
 * A feature that knows a library's failures says which outcome they are, so that the edge answers them as that
 * outcome rather than as an unexpected error. common/ knows no feature: the features' beans are asked.
 */
public interface KnownFailures {

    /** The outcome {@code failure} is, or null when it is none this feature knows. */
    DomainException outcomeOf(Throwable failure);
}
