-- OrleansMonitor's own monitoring tables: the monitor index, raw heartbeats and incidents.
-- Grain state lives in the Orleans storage table; these are the rows that are naturally tabular.

CREATE TABLE IF NOT EXISTS om_monitors (
    monitor_id   uuid PRIMARY KEY,
    workspace_id uuid        NOT NULL,
    monitor_type text        NOT NULL,
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS om_monitors_workspace ON om_monitors (workspace_id);

-- Raw probe results. The id is assigned by the monitor grain: unique and increasing per monitor.
CREATE TABLE IF NOT EXISTS om_heartbeats (
    monitor_id uuid        NOT NULL,
    id         bigint      NOT NULL,
    checked_at timestamptz NOT NULL,
    status     text        NOT NULL,
    latency_ms integer     NOT NULL,
    is_down    boolean     NOT NULL,
    message    text        NOT NULL,
    PRIMARY KEY (monitor_id, id)
);
CREATE INDEX IF NOT EXISTS om_heartbeats_monitor_time ON om_heartbeats (monitor_id, checked_at DESC);

-- An incident spans an up->down transition to the next down->up transition.
CREATE TABLE IF NOT EXISTS om_incidents (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    monitor_id   uuid        NOT NULL,
    workspace_id uuid        NOT NULL,
    started_at   timestamptz NOT NULL,
    resolved_at  timestamptz,
    cause        text        NOT NULL,
    resolution   text
);
CREATE INDEX IF NOT EXISTS om_incidents_monitor ON om_incidents (monitor_id, started_at DESC);
CREATE INDEX IF NOT EXISTS om_incidents_workspace_open ON om_incidents (workspace_id) WHERE resolved_at IS NULL;
