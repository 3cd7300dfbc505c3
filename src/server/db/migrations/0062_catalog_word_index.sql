-- Market: each published product's words in an index of their own, so a search for a rare word
-- reads the few products that hold it, not the trigram index's long lists.
--
-- The trigram index (0004) answers `search_text LIKE '%randugarut%'` by intersecting the lists of
-- each of the word's trigrams, and common trigrams ('ran', 'and', 'gar') are held by tens of
-- thousands of products: at 200,000 products a village's name took 6 ms, read through 196 pages,
-- to find its 4 products. A search word of letters and digits (a–z, 0–9) lies inside one of a
-- text's words, read as catalog_words reads them (runs of those characters, 0004); each such word
-- of 3 to 60 characters is one of catalog_words, which keeps every word a published product has
-- held. So the products containing the search word are among those holding one of the catalog's
-- words that contain it, looked up in catalog_words' own trigram index (73,770 words), and then in
-- this one: 4 products in 0.03 ms. A run longer than 60 characters, never a catalog word, is kept
-- as '' (no word of the catalog is empty), which every such look-up includes. The search still
-- tests each product's text, so the index only spares reading the rest.
CREATE FUNCTION catalog_search_words(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT array_agg(DISTINCT CASE WHEN length(w) <= 60 THEN w ELSE '' END)
  FROM regexp_split_to_table(t, '[^a-z0-9]+') w
  WHERE length(w) >= 3
$$;

CREATE INDEX products_catalog_words ON products USING gin (catalog_search_words(search_text))
  WITH (fastupdate = off) WHERE status <> 'draft';

-- No parallel workers for a scan of products. A catalog statement reads a few rows through an index,
-- but the planner reckons a look-up of 50 words, each seldom held, at thousands of rows and plans a
-- parallel scan: starting its workers took 40 ms, for 79 rows read in 2 ms without them, and under
-- many visitors at once workers only compete for the same cores. Reports read products in
-- aggregate, as a sequential scan of 200,000 rows takes tens of milliseconds.
ALTER TABLE products SET (parallel_workers = 0);
