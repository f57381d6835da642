-- Hourly latency histograms per monitor (the sparse encoding of grains/Metrics/HourlyLatencyHistograms), written by
-- the monitor's silo when an hour is complete and when the monitor deactivates. A re-activated monitor rebuilds its
-- 24 h percentiles from these 24 small rows, its uptime from the five-minute roll-ups and its exact last hour from
-- raw heartbeats, instead of replaying a whole day of raw heartbeats.
CREATE TABLE IF NOT EXISTS om_latency_hours (
    monitor_id uuid        NOT NULL,
    hour       timestamptz NOT NULL,
    histogram  bytea       NOT NULL,
    PRIMARY KEY (monitor_id, hour)
);
CREATE INDEX IF NOT EXISTS om_latency_hours_hour ON om_latency_hours (hour);

-- The latency of every check of a bucket, failed ones included, as the in-memory figures count it (latency_sum covers
-- successful checks only, for analytics). NULL in buckets written before this column existed.
ALTER TABLE om_rollups_5m ADD COLUMN IF NOT EXISTS latency_sum_all bigint;
