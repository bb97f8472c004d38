/**
 * Shared pieces of every feature: problem details, money, pagination, parameter converters.
 * <p>
 * The OpenAPI definition lives here as a package annotation, where SmallRye OpenAPI reads it (it reads
 * {@code @OpenAPIDefinition} on a package or a JAX-RS Application class, and the service has no Application
 * class): the error answers declared once (names in {@link io.servicerecovery.common.ApiContract}), license,
 * contact and servers. Title, version and description come from quarkus.smallrye-openapi.info-*, which win
 * over the same values here.
 */
@OpenAPIDefinition(info = @Info(title = "Service Recovery API", version = "0.1.0",
        license = @License(name = "Apache 2.0", identifier = "Apache-2.0"),
        contact = @Contact(name = "service-recovery team", url = "https://service-recovery.example.com/support")),
        // Relative: the service that serves this document at /q/openapi. There is no one public URL to name
        // (each deployment has its own, the demo is localhost), so a client configures its base URL.
        servers = @Server(url = "/", description = "The service that serves this document; set the base URL of "
                + "your deployment (the demo: http://localhost:8080) in the client"),
        components = @Components(responses = {
        @APIResponse(name = ApiContract.BAD_REQUEST, responseCode = "400", description = "The request is not valid; "
                + "violations name each field and why", content = @Content(mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid",
                                value = "{\"type\": \"https://service-recovery.example.com/problems/invalid-request\", "
                                        + "\"title\": \"Invalid request\", \"status\": 400, \"detail\": \"The request is "
                                        + "not valid: customer.email must be a well-formed email address\", \"instance\": "
                                        + "\"/api/cases\", \"violations\": [{\"field\": \"customer.email\", \"message\": "
                                        + "\"must be a well-formed email address\"}]}"))),
        @APIResponse(name = ApiContract.UNAUTHORIZED, responseCode = "401", description = "No valid credentials "
                + "(a bearer JWT; basic auth in the demo)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthorized",
                                value = "{\"type\": \"https://service-recovery.example.com/problems/unauthorized\", "
                                        + "\"title\": \"Unauthorized\", \"status\": 401, \"detail\": \"Authenticate with a "
                                        + "bearer token.\", \"instance\": \"/api/cases\"}"))),
        @APIResponse(name = ApiContract.FORBIDDEN, responseCode = "403", description = "The caller's role, level or "
                + "hold on the task does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden",
                                value = "{\"type\": \"https://service-recovery.example.com/problems/forbidden\", "
                                        + "\"title\": \"Forbidden\", \"status\": 403, \"detail\": \"Your role does not "
                                        + "allow this.\", \"instance\": \"/api/empowerment/levels\"}"))),
        @APIResponse(name = ApiContract.NOT_FOUND, responseCode = "404", description = "It does not exist, or the "
                + "caller may not see it", content = @Content(mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound",
                                value = "{\"type\": \"https://service-recovery.example.com/problems/not-found\", "
                                        + "\"title\": \"Not found\", \"status\": 404, \"detail\": \"Case "
                                        + "6f1c2a9e-4b7d-4e0a-9c1f-2d3b4a5c6d7e does not exist or is not visible to you.\", "
                                        + "\"instance\": \"/api/cases/6f1c2a9e-4b7d-4e0a-9c1f-2d3b4a5c6d7e\"}"))),
        @APIResponse(name = ApiContract.CONFLICT, responseCode = "409", description = "The current state does not "
                + "allow this (someone else holds the task, the case is closed, a concurrent change won)",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "conflict", value = "{\"type\": "
                                + "\"https://service-recovery.example.com/problems/conflict\", \"title\": \"Conflict\", "
                                + "\"status\": 409, \"detail\": \"Someone else holds this task.\", \"instance\": "
                                + "\"/api/tasks/42/claim\"}"))),
        @APIResponse(name = ApiContract.PRECONDITION_FAILED, responseCode = "412", description = "If-Match names "
                + "a version that is no longer current; read again", content = @Content(mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale",
                                value = "{\"type\": \"https://service-recovery.example.com/problems/precondition-failed\", "
                                        + "\"title\": \"Precondition failed\", \"status\": 412, \"detail\": \"The limits "
                                        + "changed since you read them (current ETag \\\"3\\\"); read them again.\", "
                                        + "\"instance\": \"/api/empowerment/agents/agent-ben\"}"))),
        @APIResponse(name = ApiContract.PAYLOAD_TOO_LARGE, responseCode = "413", description = "The body is larger "
                + "than the service accepts (256 KiB)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tooLarge",
                                value = "{\"type\": \"https://service-recovery.example.com/problems/payload-too-large\", "
                                        + "\"title\": \"Payload too large\", \"status\": 413, \"detail\": \"The request "
                                        + "body is larger than 256 KiB.\", \"instance\": \"/api/cases\"}"))),
        @APIResponse(name = ApiContract.UNSUPPORTED_MEDIA_TYPE, responseCode = "415", description = "The body is "
                + "not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notJson",
                                value = "{\"type\": \"https://service-recovery.example.com/problems/unsupported-media-type\", "
                                        + "\"title\": \"Unsupported media type\", \"status\": 415, \"detail\": \"Send the "
                                        + "request body as application/json.\", \"instance\": \"/api/cases\"}"))),
        @APIResponse(name = ApiContract.UNPROCESSABLE, responseCode = "422", description = "Well-formed, but the "
                + "rules refuse it; findings or violations say why", content = @Content(mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unprocessable",
                                value = "{\"type\": \"https://service-recovery.example.com/problems/unprocessable\", "
                                        + "\"title\": \"Request cannot be processed\", \"status\": 422, \"detail\": \"A "
                                        + "rejection needs a note that tells the agent why.\", \"instance\": "
                                        + "\"/api/tasks/42/complete\", \"violations\": [{\"field\": \"note\", \"message\": "
                                        + "\"A rejection needs a note that tells the agent why.\"}]}"))),
        @APIResponse(name = ApiContract.PRECONDITION_REQUIRED, responseCode = "428", description = "If-Match is "
                + "missing: send the ETag you read", content = @Content(mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "noIfMatch",
                                value = "{\"type\": \"https://service-recovery.example.com/problems/precondition-required\", "
                                        + "\"title\": \"Precondition required\", \"status\": 428, \"detail\": \"Send "
                                        + "If-Match with the ETag you read, so that you do not overwrite someone else's "
                                        + "change.\", \"instance\": \"/api/empowerment/levels/AGENT\"}"))),
        // Any operation can meet a database that cannot be reached (DatabaseOutage): nothing was saved, and the same
        // request, Idempotency-Key included, succeeds once it is back.
        @APIResponse(name = ApiContract.SERVICE_UNAVAILABLE, responseCode = "503", description = "The database cannot "
                + "be reached at the moment; nothing was saved. Retry the same request after Retry-After seconds",
                headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying the same request",
                        schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1")),
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "databaseUnavailable", value = "{\"type\": "
                                + "\"https://service-recovery.example.com/problems/database-unavailable\", \"title\": "
                                + "\"Service unavailable\", \"status\": 503, \"detail\": \"The database cannot be "
                                + "reached at the moment; nothing was saved. Retry the same request in 5 seconds.\", "
                                + "\"instance\": \"/api/cases\"}"))) }))
package io.servicerecovery.common;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

