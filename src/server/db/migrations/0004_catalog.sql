-- Market: the words of the public catalog, for forgiving search.
--
-- Comparing a misspelt query with the whole text of every product (pg_trgm word_similarity over
-- products.search_text) costs a similarity computation per candidate product: seconds at national
-- scale. Instead, as the pg_trgm documentation suggests, the distinct words of published products
-- are kept in a small table; a misspelt word is compared with these words only, and the products
-- are then found by the corrected words through the products_search trigram index.
CREATE TABLE catalog_words (
  word text PRIMARY KEY
);

-- Latin letters and digits only: the languages written with spaces between words. Japanese is
-- matched as typed (substring), which needs no dictionary. Words are only added: a word that no
-- longer occurs costs an empty lookup, never a wrong result.
CREATE FUNCTION catalog_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_words (word)
  SELECT DISTINCT w.word
  FROM changed, regexp_split_to_table(changed.search_text, '[^a-z0-9]+') AS w(word)
  WHERE changed.status <> 'draft' AND length(w.word) BETWEEN 3 AND 60
  ORDER BY w.word -- one lock order for every writer: concurrent inserts cannot deadlock
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER products_catalog_words_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_words_add();
CREATE TRIGGER products_catalog_words_update AFTER UPDATE ON products
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_words_add();

INSERT INTO catalog_words (word)
SELECT DISTINCT w.word
FROM products, regexp_split_to_table(products.search_text, '[^a-z0-9]+') AS w(word)
WHERE products.status <> 'draft' AND length(w.word) BETWEEN 3 AND 60
ON CONFLICT DO NOTHING;

-- GIN's fast update parks new entries in a pending list that every search reads in full until a
-- vacuum merges it. The embedded database has no autovacuum, so the list would grow to its 4 MB
-- limit; these indexes take few writes (products change rarely), so entries go straight in.
CREATE INDEX catalog_words_trgm ON catalog_words USING gin (word gin_trgm_ops) WITH (fastupdate = off);
ALTER INDEX products_search SET (fastupdate = off);
SELECT gin_clean_pending_list('products_search'::regclass);
