-- Market: each product keeps the trigrams of its search text as 1,024 bits, beside its id in an
-- index, so a probe tests most rows without reading them.
--
-- A probe walks products in id order and tests each one's text with LIKE (0060): for two words that
-- are each common but seldom together ('keripik salak', 1 product in 20) it reads about 1,000 rows,
-- and the read and the test of a row's 577 bytes of text were 1.3 µs of it. The bits answer first:
-- every trigram of a search word (three letters or digits inside a word, as pg_trgm splits text)
-- is one of the trigrams of a text that contains the word, so a row whose bits lack one of the
-- word's cannot match. The rest, the rows whose bits hold all of them, are read and tested as before:
-- about 1 in 9 of a text's bits are set, and of the products that lack a word of five letters 1 in
-- 80 to 1 in 320 pass (tenun, salak), of seven letters 1 in 5,000 or fewer (keripik, bandung).
-- The bits are read from the index alone where the visibility map allows (the embedded database has
-- no autovacuum: there each row's visibility is looked up in the table, as a plain index scan would).
--
-- Only trigrams of three lower-case ASCII letters or digits are kept, each other character read as a
-- space: pg_trgm writes a trigram with another character as a hash, which cannot say whether it held
-- the padding of a word's start or end, and a padded trigram of a search word need not be in the
-- text (the word may lie inside a longer one). A text that contains a word, each character so read,
-- still contains it; a pattern's bits are its words' (%, _ and \ read as spaces), so the bits of a
-- LIKE pattern are always among those of a text it matches.
CREATE FUNCTION catalog_trigram_bits(t text) RETURNS bit(1024) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(bit_or(set_bit(B'0'::bit(1024), hashtext(g) & 1023, 1)), B'0'::bit(1024))
  FROM unnest(show_trgm(regexp_replace(t, '[^a-z0-9]', ' ', 'g'))) g
  WHERE strpos(g, ' ') = 0
$$;

ALTER TABLE products ADD COLUMN search_trigrams bit(1024)
  GENERATED ALWAYS AS (catalog_trigram_bits(search_text)) STORED;

CREATE OR REPLACE VIEW registry_products AS
  SELECT id, program_id, group_id, area_path, name, description, story, category, unit, price_minor, currency,
         hs_code, status, stars, stars_valid_until, search_text, created_at, updated_at, capacity_per_month,
         shelf_life_days, ingredients, allergens, net_amount, net_unit, storage, search_trigrams
  FROM products;

-- The whole catalog's probe and a province's read the bits from their index (the province's holds
-- the path too: PostgreSQL reads an index alone only when it holds the columns its expressions use).
CREATE INDEX products_catalog_trigrams ON products (id) INCLUDE (search_trigrams) WHERE status <> 'draft';
DROP INDEX products_catalog_province;
CREATE INDEX products_catalog_province ON products (split_part(area_path, '/', 2), id)
  INCLUDE (area_path, search_trigrams) WHERE status <> 'draft';

-- As in 0060, with the rows' bits tested first, and only a row whose bits hold the patterns' read.
-- Unless the patterns are common: where 6 or more of the first 32 rows' bits hold them (a word in 1
-- product in 5 or more, such as 'keripik'), fetching each such row by its key cost more than reading
-- the rows in order (0.80 against 0.75 ms of database CPU a page), and the probe reads them as 0060 did.
CREATE OR REPLACE FUNCTION catalog_probe(
  province text, patterns text[], excluding text[], known text[], after uuid, probe integer, page integer,
  today date, category text, min_stars smallint, status text
) RETURNS TABLE (id uuid, stars smallint, stars_valid_until date)
LANGUAGE plpgsql STABLE ROWS 50 SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  sets integer := coalesce(array_length(excluding, 1), 0);
  ex1 text[] := CASE WHEN sets >= 1 THEN excluding[1:1] END;
  ex2 text[] := CASE WHEN sets >= 2 THEN excluding[2:2] END;
  ex3 text[] := CASE WHEN sets >= 3 THEN excluding[3:3] END;
  ex4 text[] := CASE WHEN sets >= 4 THEN excluding[4:4] END;
  bits bit(1024) := catalog_trigram_bits(array_to_string(patterns, ' '));
  dense boolean;
BEGIN
  IF sets > 4 THEN
    RAISE EXCEPTION 'catalog_probe: at most 4 sets to leave out, not %', sets;
  END IF;
  IF (SELECT count(*) FROM catalog_words WHERE word = ANY (known)) <> cardinality(known) THEN
    RETURN;
  END IF;
  IF province IS NULL THEN
    -- Whether 6 or more of the first 32 rows' bits hold the patterns': then no gate either.
    dense := (SELECT count(*) FROM (
        SELECT f.search_trigrams FROM registry_products f
        WHERE f.status <> 'draft' AND f.id > after ORDER BY f.id LIMIT 32
      ) f WHERE f.search_trigrams & bits = bits) >= 6;
    IF dense THEN
      RETURN QUERY
        SELECT p.id, p.stars, p.stars_valid_until FROM (
          SELECT f.id, f.search_text, f.category, f.status, f.stars, f.stars_valid_until FROM registry_products f
          WHERE f.status <> 'draft' AND f.id > after ORDER BY f.id LIMIT probe
        ) p
        WHERE catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
            patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
        ORDER BY p.id LIMIT page;
    ELSE
      IF NOT EXISTS (
        SELECT FROM (
          SELECT f.id, f.search_trigrams FROM registry_products f
          WHERE f.status <> 'draft' AND f.id > after ORDER BY f.id LIMIT least(probe, 200)
        ) f JOIN registry_products p ON p.id = f.id
        WHERE f.search_trigrams & bits = bits
          AND catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
            patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
      ) THEN
        RETURN;
      END IF;
      RETURN QUERY
        SELECT p.id, p.stars, p.stars_valid_until FROM (
          SELECT f.id, f.search_trigrams FROM registry_products f
          WHERE f.status <> 'draft' AND f.id > after ORDER BY f.id LIMIT probe
        ) f JOIN registry_products p ON p.id = f.id
        WHERE f.search_trigrams & bits = bits
          AND catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
            patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
        ORDER BY p.id LIMIT page;
    END IF;
  ELSE
    -- Whether 6 or more of the first 32 rows' bits hold the patterns': then no gate either.
    dense := (SELECT count(*) FROM (
        SELECT f.search_trigrams FROM registry_products f
        WHERE f.status <> 'draft' AND split_part(f.area_path, '/', 2) = province AND f.id > after ORDER BY f.id LIMIT 32
      ) f WHERE f.search_trigrams & bits = bits) >= 6;
    IF dense THEN
      RETURN QUERY
        SELECT p.id, p.stars, p.stars_valid_until FROM (
          SELECT f.id, f.search_text, f.category, f.status, f.stars, f.stars_valid_until FROM registry_products f
          WHERE f.status <> 'draft' AND split_part(f.area_path, '/', 2) = province AND f.id > after ORDER BY f.id LIMIT probe
        ) p
        WHERE catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
            patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
        ORDER BY p.id LIMIT page;
    ELSE
      IF NOT EXISTS (
        SELECT FROM (
          SELECT f.id, f.search_trigrams FROM registry_products f
          WHERE f.status <> 'draft' AND split_part(f.area_path, '/', 2) = province AND f.id > after ORDER BY f.id LIMIT least(probe, 200)
        ) f JOIN registry_products p ON p.id = f.id
        WHERE f.search_trigrams & bits = bits
          AND catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
            patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
      ) THEN
        RETURN;
      END IF;
      RETURN QUERY
        SELECT p.id, p.stars, p.stars_valid_until FROM (
          SELECT f.id, f.search_trigrams FROM registry_products f
          WHERE f.status <> 'draft' AND split_part(f.area_path, '/', 2) = province AND f.id > after ORDER BY f.id LIMIT probe
        ) f JOIN registry_products p ON p.id = f.id
        WHERE f.search_trigrams & bits = bits
          AND catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
            patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
        ORDER BY p.id LIMIT page;
    END IF;
  END IF;
END;
$$;
