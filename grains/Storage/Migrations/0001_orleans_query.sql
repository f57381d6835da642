-- Lookup table for the Orleans ADO.NET providers (clustering, grain storage, reminders).
-- At start-up every provider runs the fixed statement
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and from then on executes only the SQL it finds here, by key. The statement is unquoted, so
-- PostgreSQL folds the names to orleansquery / querykey / querytext; those spellings are the contract.
-- The rows themselves are added by the later Orleans migrations (0002-0004), one per provider.

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (querykey)
);
