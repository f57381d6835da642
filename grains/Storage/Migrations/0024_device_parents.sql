-- Dependencies: a device may name a parent device of its workspace (the workspace grain checks the rest: same
-- workspace, no cycle, bounded depth). Deleting the parent's row leaves its children without a parent.
ALTER TABLE om_monitors ADD COLUMN IF NOT EXISTS parent_id uuid REFERENCES om_monitors (monitor_id) ON DELETE SET NULL;
CREATE INDEX IF NOT EXISTS om_monitors_parent ON om_monitors (parent_id) WHERE parent_id IS NOT NULL;
