-- A monitor that re-activates reads its last hour of checks (time, latency, failed) from this index alone, without
-- visiting the heap: the same key as the index it replaces, with the three columns included.
CREATE INDEX IF NOT EXISTS om_heartbeats_monitor_checks ON om_heartbeats (monitor_id, checked_at) INCLUDE (latency_ms, is_down, in_maintenance);
DROP INDEX IF EXISTS om_heartbeats_monitor_time;

-- Raw heartbeats are only ever inserted: have autovacuum mark them all-visible (for index-only reads) every few
-- million rows instead of every fifth of the table.
ALTER TABLE om_heartbeats SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 100000);
