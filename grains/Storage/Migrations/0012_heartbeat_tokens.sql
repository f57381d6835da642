-- Receiver tokens of heartbeat (push) monitors: the public route finds the monitor by the token's SHA-256.

CREATE TABLE IF NOT EXISTS om_heartbeat_tokens (
    token_hash bytea PRIMARY KEY,
    monitor_id uuid NOT NULL UNIQUE
);
