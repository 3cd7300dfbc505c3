-- Market: every probe of a search through one function whose plans are kept (0059 did so for a
-- province), and each page row with its badge. Written in the statement, the whole catalog's probe
-- was planned for each search once a page's rows stopped being read again for their stars: the generic
-- plan, costed for a pattern matching 1 row in 200, looked dearer than a plan for the pattern itself,
-- though the probe's walk is bounded either way. A page's cards are now joined to catalog_cards alone
-- (reading each product again for its stars was a quarter of a page's buffers).
-- `province` null: the whole catalog's probe, in id order; else the province's own index (0056).
DROP FUNCTION catalog_province_probe(text, text[], text[], uuid, integer, integer, date, text, smallint, text);
CREATE FUNCTION catalog_probe(
  province text, patterns text[], known text[], after uuid, probe integer, page integer,
  today date, category text, min_stars smallint, status text
) RETURNS TABLE (id uuid, stars smallint, stars_valid_until date)
LANGUAGE plpgsql STABLE ROWS 50 SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF (SELECT count(*) FROM catalog_words WHERE word = ANY (known)) <> cardinality(known) THEN
    RETURN;
  END IF;
  IF province IS NULL THEN
    RETURN QUERY
      SELECT p.id, p.stars, p.stars_valid_until FROM (
        SELECT p.id, p.search_text, p.category, p.status, p.stars, p.stars_valid_until FROM registry_products p
        WHERE p.status <> 'draft' AND p.id > after
        ORDER BY p.id LIMIT probe
      ) p
      WHERE p.search_text LIKE ALL (patterns)
        AND (catalog_probe.category IS NULL OR p.category = catalog_probe.category)
        AND (min_stars IS NULL OR CASE WHEN p.stars_valid_until < today THEN NULL ELSE p.stars END >= min_stars)
        AND (catalog_probe.status IS NULL OR p.status = catalog_probe.status)
      ORDER BY p.id LIMIT page;
  ELSE
    RETURN QUERY
      SELECT p.id, p.stars, p.stars_valid_until FROM (
        SELECT p.id, p.search_text, p.category, p.status, p.stars, p.stars_valid_until FROM registry_products p
        WHERE p.status <> 'draft' AND split_part(p.area_path, '/', 2) = province AND p.id > after
        ORDER BY p.id LIMIT probe
      ) p
      WHERE p.search_text LIKE ALL (patterns)
        AND (catalog_probe.category IS NULL OR p.category = catalog_probe.category)
        AND (min_stars IS NULL OR CASE WHEN p.stars_valid_until < today THEN NULL ELSE p.stars END >= min_stars)
        AND (catalog_probe.status IS NULL OR p.status = catalog_probe.status)
      ORDER BY p.id LIMIT page;
  END IF;
END;
$$;
