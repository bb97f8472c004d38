package io.servicerecovery.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a JSON failure into a 400 that names the field and says what was expected: a value of the wrong type
 * or format, an unknown field, a repeated key. A body that is not JSON at all (malformed, truncated, NaN,
 * invalid UTF-8, text after the document) is told with the line and column where reading stopped. The parser's
 * own words never reach the client: they may name Java classes.
 * <p>
 * Failures are told apart by Jackson's exception types and their fields (path, target type, location); the few
 * that Jackson gives no type of their own (a repeated key, text after the document, invalid UTF-8, NaN) are
 * recognised in {@link LibraryWording}, the one place that reads a library's words.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static DomainException.Invalid of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = pathOf(unknown);
            return invalid("Unknown or server-owned field '" + field + "'.", field, "is not a field of this request");
        }
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return invalid("Field '" + duplicate + "' appears more than once; send each field once.", duplicate,
                    "appears more than once");
        }
        // A body that cannot be read as JSON is malformed, whichever field was being read when that showed.
        StreamReadException unreadable = unreadable(e);
        if (unreadable != null) {
            return malformed(reason(unreadable), unreadable.getLocation());
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = pathOf(mismatch);
            String expected = expectation(mismatch);
            return invalid("Field '" + field + "' " + expected + ".", field, expected);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            return invalid("Field '" + field + "' has the wrong type or format.", field, "has the wrong type or format");
        }
        if (e instanceof MismatchedInputException && LibraryWording.jacksonTrailingToken(e.getOriginalMessage())) {
            return malformed("there is more after the JSON document", e.getLocation());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return malformed("the body must be a JSON object", e.getLocation());
        }
        return malformed(reason(e), e.getLocation());
    }

    private static StreamReadException unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A number out of the field's range is a mistake in that field, not in the document.
            if (t instanceof StreamReadException read && !(t instanceof InputCoercionException)) {
                return read;
            }
        }
        return null;
    }

    /** What the field must be, in the client's terms (JSON types, not Java classes). */
    private static String expectation(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "has the wrong type or format";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == BigDecimal.class) {
            return JsonCustomizer.DECIMAL_RULE;
        }
        if (target == Instant.class) {
            return JsonCustomizer.TIMESTAMP_RULE;
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be a whole number" + (e instanceof InvalidFormatException ? " in range" : "");
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (target.isRecord() || Map.class.isAssignableFrom(target)) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }

    /** The path of a repeated key, or null when this is not about one. */
    private static String duplicateKey(JsonProcessingException e) {
        String name = LibraryWording.jacksonDuplicateKey(e.getOriginalMessage());
        if (name == null) {
            return null;
        }
        String parent = "";
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            parent = parentPath(read.getProcessor().getParsingContext());
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            parent = pathOf(mapping);
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The dotted path of the object that holds the current field, from the parser's context. */
    private static String parentPath(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        JsonStreamContext holder = context == null ? null : context.getParent();
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        while (holder != null && !holder.inRoot()) {
            if (holder.inObject() && holder.getCurrentName() != null) {
                parts.push("." + holder.getCurrentName());
            } else if (holder.inArray()) {
                parts.push("[" + Math.max(0, holder.getCurrentIndex()) + "]");
            }
            holder = holder.getParent();
        }
        parts.forEach(path::append);
        return path.toString().replaceFirst("^\\.", "");
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof JsonEOFException) {
            return "the body ends before the JSON document does";
        }
        if (LibraryWording.jacksonInvalidUtf8(message)) {
            return "the body is not valid UTF-8";
        }
        if (LibraryWording.jacksonNonStandardNumber(message)) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (LibraryWording.jacksonNoContent(message)) {
            return "the body is empty";
        }
        if (e instanceof InputCoercionException) {
            return "a number is out of range";
        }
        if (e instanceof StreamConstraintsException) {
            return "a value is longer or deeper than allowed";
        }
        return "it is not well-formed JSON";
    }

    private static DomainException.Invalid malformed(String reason, JsonLocation where) {
        String at = where == null || where.getLineNr() < 1 ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        return new DomainException.Invalid("malformed-json", "Malformed JSON",
                "The request body cannot be read: " + reason + at + ".", List.of(),
                where == null || where.getLineNr() < 1 ? Map.of()
                        : Map.of("line", where.getLineNr(), "column", where.getColumnNr()));
    }

    private static DomainException.Invalid invalid(String detail, String field, String message) {
        return new DomainException.Invalid("invalid-request", "Invalid request", detail,
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
