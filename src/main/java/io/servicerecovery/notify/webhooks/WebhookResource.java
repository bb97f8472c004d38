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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
public class WebhookResource {

    private final WebhookSubscriptions subscriptions;
    private final WebhookResends resends;
    private final CurrentUser user;

    public WebhookResource(WebhookSubscriptions subscriptions, WebhookResends resends, CurrentUser user) {
        this.subscriptions = subscriptions;
        this.resends = resends;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe to case events", description = "Events are POSTed to the URL with Standard "
            + "Webhooks headers (webhook-id, webhook-timestamp, webhook-signature). The answer carries the signing "
            + "secret; it is never shown again.")
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(schema = @Schema(implementation = WebhookSecretAnswer.class)))
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "The client has as many active subscriptions as it may have "
            + "(recovery.webhooks.max-subscriptions-per-client); the problem's context.limit says how many",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "subscriptionLimit", value = SUBSCRIPTION_LIMIT)))
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
            description = "Filter by status: PENDING, DELIVERED or FAILED (`?status=FAILED` is the failed-deliveries "
                    + "view, to resend from); keyset pages (limit, cursor). DELIVERED deliveries are kept for "
                    + "recovery.webhooks.retention (3 days by default), FAILED ones for failed-retention (30 days).")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "400", ref = ApiContract.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public Page<WebhookDeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("status") WebhookDelivery.Status status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return subscriptions.deliveries(clientId(), id, status, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/resend")
    @Operation(operationId = "resendWebhookDelivery", summary = "Send a FAILED delivery again",
            description = "The delivery becomes PENDING with a fresh round of attempts, and is sent like any pending "
                    + "one: after the earlier events of its case that are still pending. Only a FAILED delivery can "
                    + "be resent.")
    @APIResponse(responseCode = "202", description = "Pending again; sent shortly",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryView.class)))
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The delivery is not FAILED (still pending, or delivered)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "notFailed", value = NOT_FAILED)))
    public Response resend(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(resends.resend(clientId(), id, deliveryId)).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{id}/deliveries/resend-failed")
    @Operation(operationId = "resendFailedWebhookDeliveries", summary = "Send every FAILED delivery again",
            description = "Every FAILED delivery of the subscription becomes PENDING with a fresh round of attempts; "
                    + "each case's events go out in the order they happened. Answers how many.")
    @APIResponse(responseCode = "202", description = "How many are pending again",
            content = @Content(schema = @Schema(implementation = WebhookResends.Resent.class),
                    examples = @ExampleObject(name = "resent", value = "{\"resent\": 3}")))
    @APIResponse(responseCode = "404", ref = ApiContract.NOT_FOUND)
    public Response resendFailed(@PathParam("id") UUID id) {
        return Response.accepted(resends.resendFailed(clientId(), id)).type(MediaType.APPLICATION_JSON).build();
    }

    private String clientId() {
        return user.id();
    }

    private static final String SUBSCRIPTION_LIMIT = "{\"type\": \"https://service-recovery.example.com/problems/"
            + "webhook-subscription-limit\", \"title\": \"Too many subscriptions\", \"status\": 409, \"detail\": "
            + "\"A client may have 25 active webhook subscriptions; delete one it no longer needs before subscribing "
            + "again.\", \"instance\": \"/api/webhooks\", \"context\": {\"limit\": 25}}";
    private static final String NOT_FAILED = "{\"type\": \"https://service-recovery.example.com/problems/"
            + "webhook-delivery-not-failed\", \"title\": \"Delivery not failed\", \"status\": 409, \"detail\": "
            + "\"Only a FAILED delivery can be resent; this one is DELIVERED.\", \"instance\": "
            + "\"/api/webhooks/6f1c2a9e-4b7d-4e0a-9c1f-2d3b4a5c6d7e/deliveries/0b5e8f3a-1c2d-4e5f-8a9b-7c6d5e4f3a2b/resend\", "
            + "\"context\": {\"deliveryStatus\": \"DELIVERED\"}}";
}
