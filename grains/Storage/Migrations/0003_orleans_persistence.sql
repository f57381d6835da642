-- Grain state for Microsoft.Orleans.Persistence.AdoNet (10.x, invariant "Npgsql").
-- The 10.x provider hands over the serialized state as ONE byte array (@PayloadBinary) whatever the
-- serializer is; there are no JSON/XML payload parameters any more. With the System.Text.Json grain
-- storage serializer the bytes are UTF-8 JSON, so convert_from(payload_binary, 'UTF8')::jsonb
-- shows a state in psql.
--
-- A grain's row is identified by service id, state name (@GrainTypeString, i.e. the storage state
-- name, not the grain class), the key as two 64-bit halves (@GrainIdN0/@GrainIdN1, zero for string
-- keys) and the key extension / string key (@GrainIdExtensionString, may be NULL). The two hashes
-- only narrow the index lookup. Note: the grain CLASS is not part of the identity, so two grain
-- types sharing a state name and key would share a row.
--
-- version is the ETag: 1 on first write, +1 on every write or clear. Results are read by name:
-- "PayloadBinary" and "Version" from reads, "NewGrainStateVersion" from writes; clear/delete read the
-- first column. Returning no row means "version conflict" to the provider.

CREATE TABLE IF NOT EXISTS orleans_storage (
    grain_id_hash      integer     NOT NULL,
    grain_type_hash    integer     NOT NULL,
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NULL,
    payload_binary     bytea       NULL,      -- NULL after a clear: the row keeps the version
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_storage_identity UNIQUE NULLS NOT DISTINCT
        (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadFromStorageKey', $q$
SELECT s.payload_binary AS "PayloadBinary",
       s.version        AS "Version"
FROM orleans_storage s
WHERE s.grain_id_hash = @GrainIdHash
  AND s.grain_type_hash = @GrainTypeHash
  AND s.service_id = @ServiceId
  AND s.grain_type = @GrainTypeString
  AND s.grain_id_n0 = @GrainIdN0
  AND s.grain_id_n1 = @GrainIdN1
  AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- @GrainStateVersion NULL: first write, insert with version 1 (nothing if a row already exists).
-- Otherwise: overwrite only if the stored version still equals @GrainStateVersion.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage AS s
       SET payload_binary = @PayloadBinary,
           version = s.version + 1,
           modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.service_id = @ServiceId
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO orleans_storage
        (grain_id_hash, grain_type_hash, service_id, grain_type,
         grain_id_n0, grain_id_n1, grain_id_extension, payload_binary, version)
    SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString,
           @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_storage_identity DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$q$),

-- Clear (the default, DeleteStateOnClear = false): drop the payload, keep the row, bump the version.
('ClearStorageKey', $q$
UPDATE orleans_storage AS s
   SET payload_binary = NULL,
       version = s.version + 1,
       modified_at = now()
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.service_id = @ServiceId
   AND s.grain_type = @GrainTypeString
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND s.version = @GrainStateVersion
RETURNING s.version AS "NewGrainStateVersion"
$q$),

-- Optional key, used only with DeleteStateOnClear = true: removes the row. The provider just needs a
-- value that differs from the old ETag to know it worked, so the next version number is returned.
('DeleteStorageKey', $q$
DELETE FROM orleans_storage AS s
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.service_id = @ServiceId
   AND s.grain_type = @GrainTypeString
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND s.version = @GrainStateVersion
RETURNING s.version + 1 AS "NewGrainStateVersion"
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
