-- Checks made during a maintenance window are marked, so uptime reports can leave maintenance time out.

ALTER TABLE om_heartbeats ADD COLUMN IF NOT EXISTS in_maintenance boolean NOT NULL DEFAULT false;
ALTER TABLE om_rollups_5m ADD COLUMN IF NOT EXISTS maintenance_checks integer NOT NULL DEFAULT 0;
ALTER TABLE om_rollups_5m ADD COLUMN IF NOT EXISTS maintenance_up_checks integer NOT NULL DEFAULT 0;
