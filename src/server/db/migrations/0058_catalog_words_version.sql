-- Market: a change to catalog_words bumps the catalog's version (0042). A catalog page reads a search
-- word's close spellings once per version and keeps them (decision 032); the words change with the
-- products whose triggers (0004) write them, which bump the version already, and now with any other
-- write to the table too, so a kept spelling is never older than the words it was read from.
CREATE TRIGGER catalog_words_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_words
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
