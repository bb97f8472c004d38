package io.servicerecovery.console.manager;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** The same bean validation the API's request bodies get, for a body a console form built. */
final class Validation {

    private Validation() {
    }

    static <T> void check(Validator validator, T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
