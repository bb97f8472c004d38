-- Webhook loose ends (issue 18): a FAILED delivery can be resent by its subscriber, and the outbox
-- is cleaned after a retention. Written in the SQL that H2 and PostgreSQL share, like V3.

-- How often the subscriber asked for this delivery to be sent again after it had FAILED.
alter table webhook_delivery add column resends integer default 0 not null;

-- The failed-deliveries view (?status=FAILED, newest first, keyset pages) and the bulk resend.
create index ix_webhook_delivery_subscription_status on webhook_delivery (subscription_id, status, created_at);

-- The cleanup looks for events left without deliveries among the old ones.
create index ix_webhook_event_occurred on webhook_event (occurred_at);
