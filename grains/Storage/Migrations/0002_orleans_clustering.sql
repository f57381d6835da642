-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet (10.x, invariant "Npgsql").
-- One version row per cluster id (the provider's "DeploymentId") acts as the optimistic-concurrency
-- token for the whole membership table: every insert/update of a silo row must name the version it
-- read and bumps it by one, all in one statement. Liveness heartbeats (UpdateIAmAlivetimeKey) and
-- dead-row cleanup do not touch the version.
--
-- Parameters the provider binds (by name): @DeploymentId, @Address, @Port, @Generation, @SiloName,
-- @HostName, @Status, @ProxyPort, @SuspectTimes, @StartTime, @IAmAliveTime, @Version.
-- Rows are read back by column NAME, hence the quoted aliases ("Address", "StartTime", ...).
-- Time parameters arrive as timestamptz (UTC); silo status 3 = Active, 6 = Dead.

CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pkey PRIMARY KEY (deployment_id)
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text        NULL,      -- "silo,date|silo,date", formatted by Orleans
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_pkey PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_version_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates the cluster's version row if missing. One boolean column: did we create it?
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Inserted"
$q$),

-- Gateways a client may connect to: active silos that expose a gateway port.
('GatewaysQueryKey', $q$
SELECT m.address    AS "Address",
       m.proxy_port AS "ProxyPort",
       m.generation AS "Generation"
FROM orleans_membership m
WHERE m.deployment_id = @DeploymentId
  AND m.status = @Status
  AND m.proxy_port > 0
$q$),

-- One silo plus the table version. The version row is always returned (left join), even when the
-- silo is unknown; the provider then sees a NULL "StartTime" and reports no entry.
('MembershipReadRowKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$),

-- Every silo of the cluster plus the table version (same shape as MembershipReadRowKey).
('MembershipReadAllKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$),

-- Adds a silo row. Succeeds only if @Version is still current and the silo is not there yet; the
-- version bump takes the version row lock, which serialises concurrent membership writers.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1,
           changed_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND NOT EXISTS (
            SELECT 1 FROM orleans_membership m
             WHERE m.deployment_id = @DeploymentId
               AND m.address = @Address
               AND m.port = @Port
               AND m.generation = @Generation)
    RETURNING v.deployment_id
), inserted AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped b
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted"
$q$),

-- Changes a silo's status / suspicions / liveness. Same version rule as the insert.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1,
           changed_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND EXISTS (
            SELECT 1 FROM orleans_membership m
             WHERE m.deployment_id = @DeploymentId
               AND m.address = @Address
               AND m.port = @Port
               AND m.generation = @Generation)
    RETURNING v.deployment_id
), updated AS (
    UPDATE orleans_membership AS m
       SET status = @Status,
           suspect_times = @SuspectTimes,
           i_am_alive_time = @IAmAliveTime
      FROM bumped b
     WHERE m.deployment_id = b.deployment_id
       AND m.address = @Address
       AND m.port = @Port
       AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated) AS "Updated"
$q$),

-- Heartbeat. No result is read and the version is deliberately left alone.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
$q$),

-- Drops a whole cluster id: its silo rows and its version row.
('DeleteMembershipTableEntriesKey', $q$
WITH silos AS (
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId
)
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Bulk clean-up of silos declared dead before the cut-off (@IAmAliveTime). Orleans 10.x only falls
-- back to this key when CleanupDefunctSiloEntryKey is absent; kept to the same "dead only" rule.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND start_time < @IAmAliveTime
   AND i_am_alive_time < @IAmAliveTime
$q$),

-- Orleans 10.x: removes ONE dead silo row, and only if it still holds exactly the values the
-- provider looked at (start time, last heartbeat, suspicions), so a row changed meanwhile survives.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
