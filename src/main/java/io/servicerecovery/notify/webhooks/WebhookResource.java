package io.servicerecovery.notify.webhooks;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.servicerecovery.common.ApiContract;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.Problem;
import io.servicerecovery.security.CurrentUser;

@Path("/api/webhooks")
@Tag(name = "Webhooks", description = "Signed notifications of case events, sent to a CRM's own URL")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.CRM)
@APIResponse(responseCode = "401", ref = ApiContract.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiContract.FORBIDDEN)
public class WebhookResource {

    private final WebhookSubscriptions subscriptions;
    private final CurrentUser user;

    public WebhookResource(WebhookSubscriptions subscriptions, CurrentUser user) {
        this.subscriptions = subscriptions;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe to case events", description = "Events are POSTed to the URL with Standard "
            + "Webhooks headers (webhook-id, webhook-timestamp, webhook-signature). The answer carries the signing "
            + "secret; it is never shown again.")
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(schema = @Schema(implementation = WebhookSecretAnswer.class)))
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = ApiContract.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiContract.UNSUPPORTED_MEDIA_TYPE)
    public Response create(@NotNull @Valid WebhookSubscriptionRequest request) {
        WebhookSecretAnswer created = subscriptions.create(clientId(), request);
        return Response.created(URI.create("/api/webhooks/" + created.id())).entity(created)
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "Your subscriptions, newest first",
            description = "Without their secrets; keyset pages (limit, cursor).")
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    public Page<WebhookSubscriptionView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return subscriptions.list(clientId(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "One of your subscriptions",
            description = "The URL and events, without the secret.")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public WebhookSubscriptionView get(@PathParam("id") UUID id) {
        return subscriptions.get(clientId(), id);
    }

    @DELETE
    @Path("/{id}")
    // The 204 has no body, and the only bodies this can answer are problems: a client generated from the
    // contract accepts just application/problem+json here (GeneratedClientFlowTest), which is no reason for a 406.
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "deleteWebhookSubscription", summary = "Unsubscribe", description = "Nothing more is sent, including what was still pending.")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(clientId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Replace the signing secret", description = "The answer carries the new secret, once. "
            + "Until previousSecretExpiresAt every webhook carries a signature with the new and one with the old secret.")
    @APIResponse(responseCode = "200", description = "Rotated", content = @Content(schema = @Schema(implementation = WebhookSecretAnswer.class)))
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public WebhookSecretAnswer rotateSecret(@PathParam("id") UUID id) {
        return subscriptions.rotateSecret(clientId(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "What was sent to a subscription, newest first",
            description = "Filter by status: PENDING, DELIVERED or FAILED; keyset pages (limit, cursor).")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public Page<WebhookDeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("status") WebhookDelivery.Status status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return subscriptions.deliveries(clientId(), id, status, PageRequest.of(limit, cursor));
    }

    private String clientId() {
        return user.id();
    }
}
