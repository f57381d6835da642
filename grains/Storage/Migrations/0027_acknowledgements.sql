-- Acknowledgement: how an incident was acknowledged ('member' through the API, 'link' through a signed acknowledge
-- link), whether the acknowledgement has been told to the receivers that keep alert state (PagerDuty, chat, webhooks;
-- the alert sweeper plans what is not; incidents acknowledged before this count as told), and the installation's
-- signing keys (one per purpose, made by the first process that needs it).
ALTER TABLE om_incidents ADD COLUMN IF NOT EXISTS acknowledged_via text;
ALTER TABLE om_incidents ADD COLUMN IF NOT EXISTS acknowledgement_alerts_planned boolean NOT NULL DEFAULT true;
ALTER TABLE om_incidents ALTER COLUMN acknowledgement_alerts_planned SET DEFAULT false;
CREATE INDEX IF NOT EXISTS om_incidents_acknowledgement_unplanned ON om_incidents (id)
    WHERE acknowledged_at IS NOT NULL AND NOT acknowledgement_alerts_planned;

CREATE TABLE IF NOT EXISTS om_signing_keys (
    purpose    text        PRIMARY KEY,
    key        bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Retention removes finished deliveries by their completion time.
CREATE INDEX IF NOT EXISTS om_alert_deliveries_completed ON om_alert_deliveries (completed_at) WHERE completed_at IS NOT NULL;
