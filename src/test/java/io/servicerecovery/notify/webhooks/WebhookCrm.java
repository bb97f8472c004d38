package io.servicerecovery.notify.webhooks;

import java.io.IOException;
import java.util.UUID;

/**
 * A CRM client of one test alone (nobody else's cases, a fresh budget for its agent) with an endpoint that
 * receives its webhooks. Closing it stops the endpoint and unsubscribes the client, so that a database kept
 * for the next run carries no retries to a port that is gone.
 */
final class WebhookCrm implements AutoCloseable {

    final String id;
    final String agent;
    final WebhookReceiver receiver;

    private WebhookCrm(String name, WebhookReceiver receiver) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        this.id = "crm-" + name + "-" + unique;
        this.agent = "agent-" + name + "-" + unique;
        this.receiver = receiver;
    }

    static WebhookCrm start(String name) throws IOException {
        return new WebhookCrm(name, WebhookReceiver.start());
    }

    @Override
    public void close() {
        receiver.close();
        WebhookReceiver.unsubscribeAll(id);
    }
}
