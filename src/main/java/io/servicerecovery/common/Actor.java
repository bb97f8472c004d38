package io.servicerecovery.common;

/**
 * Who did something on a case: a person or CRM client by their id, or the service itself
 * (a timer, an email, the compensation matrix), which is {@link #SYSTEM}.
 */
public final class Actor {

    /** The service acting on its own. */
    public static final String SYSTEM = "system";

    private Actor() {
    }

    /** The given person, or the service when nobody is named. */
    public static String orSystem(String id) {
        return id == null ? SYSTEM : id;
    }
}
