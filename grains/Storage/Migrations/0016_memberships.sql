-- Workspace members besides the owner (the owner is implicit: workspace id = owner's user id), and invitations.

CREATE TABLE IF NOT EXISTS om_memberships (
    workspace_id  uuid        NOT NULL,
    user_id       uuid        NOT NULL REFERENCES om_users (id) ON DELETE CASCADE,
    role          text        NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    project_scope uuid[],
    joined_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX IF NOT EXISTS om_memberships_user ON om_memberships (user_id);

CREATE TABLE IF NOT EXISTS om_invitations (
    id            uuid PRIMARY KEY,
    workspace_id  uuid        NOT NULL,
    email         text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    project_scope uuid[],
    token_hash    bytea       NOT NULL UNIQUE,
    invited_by    uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    accepted_at   timestamptz,
    accepted_by   uuid,
    cancelled_at  timestamptz
);
CREATE INDEX IF NOT EXISTS om_invitations_workspace ON om_invitations (workspace_id, created_at DESC);
