-- The durable outbox of alert deliveries: every alert is recorded here before anything is sent, and any silo's sender
-- claims due rows, sends them and records what came of each attempt. A row is one event for one recipient over one
-- channel; the idempotency key makes recording the same alert twice record it once.
-- status (grains/Alerting/Outbox/DeliveryStatus): 0 pending, 1 sending, 2 sent, 3 failed, 4 cancelled.
-- not_before is when the row is next due: its first due time, the time of its next retry, or (while sending) the end
-- of its lease, so one condition finds both new work and work a dead sender left behind.
CREATE TABLE IF NOT EXISTS om_alert_deliveries (
    id               uuid        PRIMARY KEY,
    workspace_id     uuid        NOT NULL,
    incident_id      bigint,
    webhook_id       uuid,
    channel          smallint    NOT NULL,
    destination      text        NOT NULL,
    secret           text,
    event            jsonb       NOT NULL,
    idempotency_key  text        NOT NULL UNIQUE,
    status           smallint    NOT NULL DEFAULT 0,
    attempts         int         NOT NULL DEFAULT 0,
    not_before       timestamptz NOT NULL,
    lease_until      timestamptz,
    last_status_code int,
    last_error       text,
    last_latency_ms  int,
    created_at       timestamptz NOT NULL,
    completed_at     timestamptz
);

-- Claiming: due rows in due order; the index holds only rows still to be sent.
CREATE INDEX IF NOT EXISTS om_alert_deliveries_due ON om_alert_deliveries (not_before) WHERE status IN (0, 1);
-- An incident's delivery history, and cancelling its pending escalation.
CREATE INDEX IF NOT EXISTS om_alert_deliveries_incident ON om_alert_deliveries (workspace_id, incident_id, created_at) WHERE incident_id IS NOT NULL;
-- A webhook's history and statistics.
CREATE INDEX IF NOT EXISTS om_alert_deliveries_webhook ON om_alert_deliveries (workspace_id, webhook_id, created_at) INCLUDE (status) WHERE webhook_id IS NOT NULL;
-- A workspace's recent deliveries (posture, summary).
CREATE INDEX IF NOT EXISTS om_alert_deliveries_recent ON om_alert_deliveries (workspace_id, created_at);
