package io.servicerecovery.common;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a JSON binding failure into a 400 that names the field and says what was expected. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemException of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = pathOf(unknown);
            return invalid("Unknown or server-owned field '" + field + "'.", field, "is not a field of this request");
        }
        if (e instanceof InvalidFormatException badValue) {
            String field = pathOf(badValue);
            Class<?> target = badValue.getTargetType();
            String expected = target != null && target.isEnum()
                    ? "one of " + Arrays.toString(target.getEnumConstants())
                    : "a valid " + (target == null ? "value" : target.getSimpleName());
            return invalid("Field '" + field + "' must be " + expected + ".", field, "must be " + expected);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            return invalid("Field '" + field + "' has the wrong type or format.", field, "has the wrong type or format");
        }
        return new ProblemException(400, "invalid-request", "Invalid request",
                "The request body is not well-formed JSON for this endpoint.", List.of(), Map.of());
    }

    private static ProblemException invalid(String detail, String field, String message) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail,
                List.of(new Problem.Violation(field, message)), Map.of());
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
