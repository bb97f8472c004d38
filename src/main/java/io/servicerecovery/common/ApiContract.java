package io.servicerecovery.common;

/**
 * Names of the error answers declared once in this package's {@code @OpenAPIDefinition} (package-info.java):
 * every operation names the ones it can give ({@code @APIResponse(responseCode = "404", ref =
 * ApiContract.NOT_FOUND)}), so a generated client knows that the body of each is a problem+json; 401, 403 and 503,
 * which every operation can give, are added to each by {@link AnswersOfEveryCall}. The examples there are answers
 * the service really gives.
 */
public final class ApiContract {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String UNPROCESSABLE = "Unprocessable";
    public static final String PRECONDITION_REQUIRED = "PreconditionRequired";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private ApiContract() {
    }
}
