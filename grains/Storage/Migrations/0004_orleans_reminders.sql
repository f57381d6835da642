-- Durable reminders for Microsoft.Orleans.Reminders.AdoNet (10.x, invariant "Npgsql").
-- One row per (service id, grain id, reminder name). grain_hash is the grain's uniform hash as a
-- signed int; each silo reads the reminders of its own hash range (@BeginHash, @EndHash]. The 10.x
-- provider picks ReadRangeRows1Key when BeginHash < EndHash as SIGNED ints (range does not wrap) and
-- ReadRangeRows2Key otherwise (range wraps past the end, or covers the whole ring).
--
-- Parameters bound by name: @ServiceId, @GrainId, @ReminderName, @StartTime (timestamptz, UTC),
-- @Period (milliseconds, int or bigint), @GrainHash, @BeginHash, @EndHash, @Version.
-- Result columns read by name: "GrainId", "ReminderName", "StartTime", "Period", "Version".
-- version is the reminder's ETag: 0 on creation, +1 on every re-registration.

CREATE TABLE IF NOT EXISTS orleans_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT orleans_reminders_pkey PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadReminderRowsKey', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
FROM orleans_reminders r
WHERE r.service_id = @ServiceId
  AND r.grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
FROM orleans_reminders r
WHERE r.service_id = @ServiceId
  AND r.grain_id = @GrainId
  AND r.reminder_name = @ReminderName
$q$),

-- Non-wrapping hash range.
('ReadRangeRows1Key', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
FROM orleans_reminders r
WHERE r.service_id = @ServiceId
  AND r.grain_hash > @BeginHash
  AND r.grain_hash <= @EndHash
$q$),

-- Wrapping hash range (or the full ring when BeginHash = EndHash).
('ReadRangeRows2Key', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
FROM orleans_reminders r
WHERE r.service_id = @ServiceId
  AND (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash)
$q$),

-- Create or re-register; returns the new ETag.
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders AS r
    (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period_ms  = EXCLUDED.period_ms,
       grain_hash = EXCLUDED.grain_hash,
       version    = r.version + 1
RETURNING r.version AS "Version"
$q$),

-- Unregister, only if the caller's ETag is current. One boolean column.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId
       AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS "Deleted"
$q$),

-- Every reminder of the service (used by tests / tooling).
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
