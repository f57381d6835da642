-- The workspace's device index lives in om_monitors: each monitor's project and tags, one row per device, so a
-- workspace with thousands of devices never rewrites a large grain state to add one device or change one tag.

ALTER TABLE om_monitors ADD COLUMN IF NOT EXISTS project_id uuid;
ALTER TABLE om_monitors ADD COLUMN IF NOT EXISTS tags text[] NOT NULL DEFAULT '{}';
CREATE INDEX IF NOT EXISTS om_monitors_workspace_project ON om_monitors (workspace_id, project_id);
