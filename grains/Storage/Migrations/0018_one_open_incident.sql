-- At most one open incident per monitor, and never two of one monitor starting at the same instant: the monitor's
-- incident writes are retried after failures and must be idempotent. Earlier builds could leave several open
-- incidents for one monitor (a crash between the incident insert and the state write); all but the newest are closed
-- when the newest began, and exact repeats are removed.

DELETE FROM om_incidents a USING om_incidents b
WHERE a.monitor_id = b.monitor_id AND a.started_at = b.started_at AND a.id > b.id;

UPDATE om_incidents i SET resolved_at = greatest(i.started_at, newest.started_at), resolution = 'Superseded by a later incident'
FROM (
    SELECT DISTINCT ON (monitor_id) monitor_id, id, started_at
    FROM om_incidents WHERE resolved_at IS NULL
    ORDER BY monitor_id, started_at DESC, id DESC
) newest
WHERE i.monitor_id = newest.monitor_id AND i.resolved_at IS NULL AND i.id <> newest.id;

CREATE UNIQUE INDEX IF NOT EXISTS om_incidents_one_open ON om_incidents (monitor_id) WHERE resolved_at IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS om_incidents_monitor_start ON om_incidents (monitor_id, started_at);
DROP INDEX IF EXISTS om_incidents_monitor; -- covered by om_incidents_monitor_start
