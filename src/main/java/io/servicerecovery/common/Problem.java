package io.servicerecovery.common;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code violations} name the field and the reason for
 * invalid input; {@code findings} carry quality findings (code and message); {@code context} carries
 * facts a client can act on (for example the id of an existing case).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<Violation> violations,
        List<?> findings,
        java.util.Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://service-recovery.example.com/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations,
            java.util.Map<String, Object> context) {
        this(type, title, status, detail, instance, violations, List.of(), context);
    }

    /** One invalid field: where it is (a JSON path such as {@code customer.email}) and why. */
    public record Violation(String field, String message) {
    }
}
