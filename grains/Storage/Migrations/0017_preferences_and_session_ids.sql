-- User preferences (time zone for reports and quiet hours), and a public id per session so sessions can be listed
-- and revoked without exposing their secrets.

CREATE TABLE IF NOT EXISTS om_user_preferences (
    user_id    uuid PRIMARY KEY REFERENCES om_users (id) ON DELETE CASCADE,
    timezone   text        NOT NULL DEFAULT 'UTC',
    updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE om_sessions ADD COLUMN IF NOT EXISTS id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX IF NOT EXISTS om_sessions_id ON om_sessions (id);
