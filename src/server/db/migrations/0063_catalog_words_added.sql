-- Market: each catalog word carries the catalog version it was added in, so that a server can keep
-- the catalog's words in memory and read only those added since (decision 032).
--
-- A misspelling new to the server was respelt by pg_trgm's `%` over catalog_words: 2.6–2.9 ms of
-- database time a search at 73,770 words (hundreds to 1,700 candidate words checked for a village's
-- name), half of what such a search cost. The words only grow (0004), so a server reads them once
-- and then, when the catalog's version changes, those added since the version it last read.
--
-- The tag is the version the adding transaction commits with or an earlier one of its own: a row of
-- catalog_version locked first (FOR UPDATE, held to the commit, as every bump holds it), then its
-- version + 1, which the statement's bump (0058) reaches. Versions are committed in order (each bump
-- waits for the one before), so in any snapshot the words visible are exactly those tagged at most
-- the version visible: one statement reading both misses none, however transactions interleave.
-- A word changed or removed, which no code of the app does, counts in words_cleared: a server that
-- sees it move reads every word again.
ALTER TABLE catalog_words ADD COLUMN added_in bigint NOT NULL DEFAULT 0;
ALTER TABLE catalog_words ALTER COLUMN added_in DROP DEFAULT;
CREATE INDEX catalog_words_added_in ON catalog_words (added_in);

ALTER TABLE catalog_version ADD COLUMN words_cleared bigint NOT NULL DEFAULT 0;

CREATE FUNCTION catalog_words_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT version + 1 INTO NEW.added_in FROM catalog_version FOR UPDATE;
  RETURN NEW;
END;
$$;
CREATE TRIGGER catalog_words_tag BEFORE INSERT OR UPDATE ON catalog_words
  FOR EACH ROW EXECUTE FUNCTION catalog_words_tag();

CREATE FUNCTION catalog_words_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_version SET words_cleared = words_cleared + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER catalog_words_clear AFTER UPDATE OR DELETE OR TRUNCATE ON catalog_words
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_words_clear();
