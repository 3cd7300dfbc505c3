-- Market: a search within a province, probed by a function whose plan is kept. The probe walks the
-- province's index (0056) in id order for at most `probe` rows and keeps those that contain every
-- pattern, when each of `known` is one of the catalog's words (the caller's gate, as for the whole
-- catalog's probe). Written in the statement itself, the probe was planned for each search: PostgreSQL
-- never keeps the generic plan, whose cost it takes for a walk of the whole province without the
-- words, though the walk is bounded; planning cost as much as the walk (0.4–0.65 ms). Here the plan is
-- generic from the first call (plan_cache_mode) and walks the index for any province.
CREATE FUNCTION catalog_province_probe(
  province text, patterns text[], known text[], after uuid, probe integer, page integer,
  today date, category text, min_stars smallint, status text
) RETURNS SETOF uuid LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF (SELECT count(*) FROM catalog_words WHERE word = ANY (known)) <> cardinality(known) THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT p.id FROM (
      SELECT p.id, p.search_text, p.category, p.status, p.stars, p.stars_valid_until FROM registry_products p
      WHERE p.status <> 'draft' AND split_part(p.area_path, '/', 2) = province AND p.id > after
      ORDER BY p.id LIMIT probe
    ) p
    WHERE p.search_text LIKE ALL (patterns)
      AND (catalog_province_probe.category IS NULL OR p.category = catalog_province_probe.category)
      AND (min_stars IS NULL OR CASE WHEN p.stars_valid_until < today THEN NULL ELSE p.stars END >= min_stars)
      AND (catalog_province_probe.status IS NULL OR p.status = catalog_province_probe.status)
    ORDER BY p.id LIMIT page;
END;
$$;
