-- Status pages (grains/StatusPages): a page of a workspace shows some of its projects at a slug unique across the
-- installation (the unique index is the one judge of a taken slug, whichever silo asks). visibility: 0 public,
-- 1 private (token-protected, only the token's SHA-256 is kept). project_ids: the projects the page includes.
CREATE TABLE IF NOT EXISTS om_status_pages (
    id           uuid        PRIMARY KEY,
    workspace_id uuid        NOT NULL,
    slug         text        NOT NULL,
    title        text        NOT NULL,
    description  text,
    project_ids  uuid[]      NOT NULL,
    visibility   smallint    NOT NULL,
    token_hash   bytea,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS om_status_pages_slug ON om_status_pages (slug);
CREATE INDEX IF NOT EXISTS om_status_pages_workspace ON om_status_pages (workspace_id, created_at);

-- Manual updates of a page, newest kept (the page grain trims the history to its cap after each insert).
-- state: GrainInterfaces.StatusPages.UpdateState values. device_ids: devices of the page's projects it concerns.
CREATE TABLE IF NOT EXISTS om_status_page_updates (
    id          uuid        PRIMARY KEY,
    page_id     uuid        NOT NULL REFERENCES om_status_pages (id) ON DELETE CASCADE,
    state       smallint    NOT NULL,
    message     text        NOT NULL,
    device_ids  uuid[]      NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS om_status_page_updates_page ON om_status_page_updates (page_id, created_at DESC, id DESC);
