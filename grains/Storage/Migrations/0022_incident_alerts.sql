-- Alerting: whether an incident's opening and resolution have been turned into deliveries (the alert sweeper plans
-- what is not), and who acknowledged it when. Incidents that exist before alerting count as planned: upgrading never
-- sends alerts about the past.
ALTER TABLE om_incidents ADD COLUMN IF NOT EXISTS opening_alerts_planned boolean NOT NULL DEFAULT true;
ALTER TABLE om_incidents ALTER COLUMN opening_alerts_planned SET DEFAULT false;
ALTER TABLE om_incidents ADD COLUMN IF NOT EXISTS resolution_alerts_planned boolean NOT NULL DEFAULT true;
ALTER TABLE om_incidents ALTER COLUMN resolution_alerts_planned SET DEFAULT false;
ALTER TABLE om_incidents ADD COLUMN IF NOT EXISTS acknowledged_at timestamptz;
ALTER TABLE om_incidents ADD COLUMN IF NOT EXISTS acknowledged_by uuid;

CREATE INDEX IF NOT EXISTS om_incidents_opening_unplanned ON om_incidents (id) WHERE NOT opening_alerts_planned;
CREATE INDEX IF NOT EXISTS om_incidents_resolution_unplanned ON om_incidents (id) WHERE resolved_at IS NOT NULL AND NOT resolution_alerts_planned;
