-- Market: each bump of the catalog's version (migration 0042) also says so — pg_notify on channel
-- catalog_version with the new version — delivered at commit. The embedded server follows the
-- version from these in memory instead of reading it before every answer (decision 024). On
-- PostgreSQL no one listens (the version is read); the catalog's rare writes afford the notice.
CREATE OR REPLACE FUNCTION catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped bigint;
BEGIN
  UPDATE catalog_version SET version = version + 1 RETURNING version INTO bumped;
  PERFORM pg_notify('catalog_version', bumped::text);
  RETURN NULL;
END;
$$;
