-- Users, sessions and API tokens. Secrets are stored only as SHA-256 digests; passwords as a slow salted hash.

CREATE TABLE IF NOT EXISTS om_users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    workspace_id  uuid        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS om_users_email ON om_users (lower(email));

CREATE TABLE IF NOT EXISTS om_sessions (
    secret_hash  bytea PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES om_users (id) ON DELETE CASCADE,
    workspace_id uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    ended_at     timestamptz
);
CREATE INDEX IF NOT EXISTS om_sessions_user ON om_sessions (user_id);

CREATE TABLE IF NOT EXISTS om_api_tokens (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES om_users (id) ON DELETE CASCADE,
    workspace_id uuid        NOT NULL,
    label        text        NOT NULL,
    access_level text        NOT NULL CHECK (access_level IN ('read_only', 'read_write')),
    secret_hash  bytea       NOT NULL UNIQUE,
    prefix       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
CREATE INDEX IF NOT EXISTS om_api_tokens_user ON om_api_tokens (user_id);
