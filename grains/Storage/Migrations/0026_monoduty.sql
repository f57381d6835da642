-- Monoduty: webhooks with an inbound URL, the calls they received, and the workspace's in-app notification feed.
-- status (grains/Webhooks/WebhookStore): 0 active, 1 disabled. notification_types: GrainInterfaces.Webhooks.NotificationType values.
-- The token is kept (the inbound URL is shown on every read); it is looked up by its SHA-256 only.
CREATE TABLE IF NOT EXISTS om_webhooks (
    id                 uuid        PRIMARY KEY,
    workspace_id       uuid        NOT NULL,
    name               text        NOT NULL,
    alias              text        NOT NULL,
    description        text        NOT NULL DEFAULT '',
    status             smallint    NOT NULL DEFAULT 0,
    notification_types smallint[]  NOT NULL,
    target_email       text,
    target_sms         text,
    target_call        text,
    token              text        NOT NULL,
    token_hash         bytea       NOT NULL UNIQUE,
    created_at         timestamptz NOT NULL,
    UNIQUE (workspace_id, alias)
);

-- One row per inbound post or test; its deliveries are the outbox rows keyed 'webhook-call:{id}:...'.
CREATE TABLE IF NOT EXISTS om_webhook_calls (
    id           uuid        PRIMARY KEY,
    webhook_id   uuid        NOT NULL REFERENCES om_webhooks (id) ON DELETE CASCADE,
    workspace_id uuid        NOT NULL,
    kind         smallint    NOT NULL,
    title        text        NOT NULL,
    message      text        NOT NULL,
    severity     text        NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS om_webhook_calls_webhook ON om_webhook_calls (workspace_id, webhook_id, created_at);

-- The in-app feed: one row per in-app delivery (idempotent by delivery id), newest kept, capped per workspace.
CREATE TABLE IF NOT EXISTS om_notifications (
    id           bigserial   PRIMARY KEY,
    workspace_id uuid        NOT NULL,
    delivery_id  uuid        UNIQUE,
    kind         text        NOT NULL,
    title        text        NOT NULL,
    message      text        NOT NULL,
    incident_id  bigint,
    webhook_id   uuid,
    created_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS om_notifications_feed ON om_notifications (workspace_id, id DESC);
CREATE INDEX IF NOT EXISTS om_notifications_webhook ON om_notifications (webhook_id) WHERE webhook_id IS NOT NULL;

-- Read state per member: every notification of the workspace up to read_up_to (an om_notifications id) is read.
CREATE TABLE IF NOT EXISTS om_notification_reads (
    workspace_id uuid   NOT NULL,
    user_id      uuid   NOT NULL,
    read_up_to   bigint NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
