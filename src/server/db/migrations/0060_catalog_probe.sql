-- Market: every probe of a search through one function whose plans are kept (0059 did so for a
-- province's probe without sets to leave out), and each page row with its badge.
--
-- Written in the statement, a probe was planned for each search: the generic plan, costed for a
-- pattern matching 1 row in 200, looked dearer than a plan for the pattern itself, though the probe's
-- walk is bounded either way (0 generic plans in 330 calls for the whole catalog's probe once its
-- page stopped reading each product again for its stars, and for every respelt tier's). Here the
-- plans are generic from the first call (plan_cache_mode). A page's cards are now joined to
-- catalog_cards alone (reading each product again for its stars was a quarter of a page's buffers).
--
-- A probe whose first rows (200, or the probe's size if smaller) hold no match at all returns nothing
-- without reading the rest: a word that fills a page from the probe (1 product in 32 or more) is
-- missing from 200 rows about once in 500 searches, and a rare word (a village's name, the close
-- spellings of a misspelt one) was read through 1,632 rows for nothing before its index was asked.
--
-- `province` null: the whole catalog's probe, in id order; else the province's own index (0056).
-- `excluding`: the word sets of the tiers above (catalog-search.ts), one row of patterns each, at
-- most four; a product that contains every pattern of one of them is left out.
DROP FUNCTION catalog_province_probe(text, text[], text[], uuid, integer, integer, date, text, smallint, text);

-- Whether a product (its text, category, status and badge) is one a probe keeps. Inlined where used.
CREATE FUNCTION catalog_probe_keeps(
  search_text text, category text, status text, stars smallint, stars_valid_until date,
  patterns text[], ex1 text[], ex2 text[], ex3 text[], ex4 text[],
  today date, want_category text, min_stars smallint, want_status text
) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT search_text LIKE ALL (patterns)
    AND (ex1 IS NULL OR NOT search_text LIKE ALL (ex1))
    AND (ex2 IS NULL OR NOT search_text LIKE ALL (ex2))
    AND (ex3 IS NULL OR NOT search_text LIKE ALL (ex3))
    AND (ex4 IS NULL OR NOT search_text LIKE ALL (ex4))
    AND (want_category IS NULL OR category = want_category)
    AND (min_stars IS NULL OR CASE WHEN stars_valid_until < today THEN NULL ELSE stars END >= min_stars)
    AND (want_status IS NULL OR status = want_status)
$$;

CREATE FUNCTION catalog_probe(
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
BEGIN
  IF sets > 4 THEN
    RAISE EXCEPTION 'catalog_probe: at most 4 sets to leave out, not %', sets;
  END IF;
  IF (SELECT count(*) FROM catalog_words WHERE word = ANY (known)) <> cardinality(known) THEN
    RETURN;
  END IF;
  IF province IS NULL THEN
    IF NOT EXISTS (
      SELECT FROM (
        SELECT p.search_text, p.category, p.status, p.stars, p.stars_valid_until FROM registry_products p
        WHERE p.status <> 'draft' AND p.id > after ORDER BY p.id LIMIT least(probe, 200)
      ) p
      WHERE catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
        patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
    ) THEN
      RETURN;
    END IF;
    RETURN QUERY
      SELECT p.id, p.stars, p.stars_valid_until FROM (
        SELECT p.id, p.search_text, p.category, p.status, p.stars, p.stars_valid_until FROM registry_products p
        WHERE p.status <> 'draft' AND p.id > after ORDER BY p.id LIMIT probe
      ) p
      WHERE catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
        patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
      ORDER BY p.id LIMIT page;
  ELSE
    IF NOT EXISTS (
      SELECT FROM (
        SELECT p.search_text, p.category, p.status, p.stars, p.stars_valid_until FROM registry_products p
        WHERE p.status <> 'draft' AND split_part(p.area_path, '/', 2) = province AND p.id > after
        ORDER BY p.id LIMIT least(probe, 200)
      ) p
      WHERE catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
        patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
    ) THEN
      RETURN;
    END IF;
    RETURN QUERY
      SELECT p.id, p.stars, p.stars_valid_until FROM (
        SELECT p.id, p.search_text, p.category, p.status, p.stars, p.stars_valid_until FROM registry_products p
        WHERE p.status <> 'draft' AND split_part(p.area_path, '/', 2) = province AND p.id > after
        ORDER BY p.id LIMIT probe
      ) p
      WHERE catalog_probe_keeps(p.search_text, p.category, p.status, p.stars, p.stars_valid_until,
        patterns, ex1, ex2, ex3, ex4, today, catalog_probe.category, min_stars, catalog_probe.status)
      ORDER BY p.id LIMIT page;
  END IF;
END;
$$;
