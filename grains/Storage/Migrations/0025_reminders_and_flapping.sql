-- Still-down reminders and flapping episodes (grains/Alerting/IncidentAlertSweeper).
-- next_reminder_at: when an open incident's next "still down" reminder is due (null: none planned, e.g. the project
-- has no reminders, or the incident resolved or was acknowledged); reminders_planned: the number of the last reminder
-- recorded. Incidents that exist before this migration get no reminders (the column starts null).
ALTER TABLE om_incidents ADD COLUMN IF NOT EXISTS next_reminder_at timestamptz;
ALTER TABLE om_incidents ADD COLUMN IF NOT EXISTS reminders_planned int NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS om_incidents_reminder_due ON om_incidents (next_reminder_at) WHERE next_reminder_at IS NOT NULL;

-- A flapping episode of a monitor: it began with the opening of incident id (the episode's id, which keys its alerts),
-- lasts while the monitor keeps changing state and ends once it has been stable for stable_minutes (the project's
-- rule when the episode began). stable_at = last_change_at + stable_minutes, stored so the due episodes are one index
-- range. notified: the flapping alerts have been recorded in the outbox.
CREATE TABLE IF NOT EXISTS om_flapping (
    id             bigint      PRIMARY KEY,
    monitor_id     uuid        NOT NULL,
    workspace_id   uuid        NOT NULL,
    started_at     timestamptz NOT NULL,
    last_change_at timestamptz NOT NULL,
    stable_minutes int         NOT NULL,
    stable_at      timestamptz NOT NULL,
    notified       boolean     NOT NULL DEFAULT false,
    ended_at       timestamptz
);

-- At most one episode of a monitor is going on at a time.
CREATE UNIQUE INDEX IF NOT EXISTS om_flapping_one_open ON om_flapping (monitor_id) WHERE ended_at IS NULL;
-- Episodes going on, in the order they may end.
CREATE INDEX IF NOT EXISTS om_flapping_stable_due ON om_flapping (stable_at) WHERE ended_at IS NULL;
-- A monitor's ended episodes (changes up to the last one's last change do not count towards the next episode).
CREATE INDEX IF NOT EXISTS om_flapping_monitor ON om_flapping (monitor_id, last_change_at DESC) WHERE ended_at IS NOT NULL;
