-- Per-monitor five-minute roll-ups of heartbeats, written with every heartbeat batch. Long-range analytics and
-- uptime reports read these instead of scanning raw heartbeats, and they outlive raw retention (a year by default).

CREATE TABLE IF NOT EXISTS om_rollups_5m (
    monitor_id  uuid        NOT NULL,
    bucket      timestamptz NOT NULL,
    checks      integer     NOT NULL,
    up_checks   integer     NOT NULL,
    latency_sum bigint      NOT NULL, -- latency figures cover successful checks only
    latency_min integer     NOT NULL,
    latency_max integer     NOT NULL,
    PRIMARY KEY (monitor_id, bucket)
);
CREATE INDEX IF NOT EXISTS om_rollups_5m_bucket ON om_rollups_5m (bucket);
CREATE INDEX IF NOT EXISTS om_heartbeats_checked_at ON om_heartbeats (checked_at);
