-- Market: a search's tiers held by few products read through one function whose plan is kept.
--
-- Written in the statement (catalog.repository.ts, tiersAtOnce), the read of tiers each held by few
-- products had a text of its own for each number of tiers and words and was planned each time: a
-- misspelt village's name, the commonest search new to a server, spent 0.28 ms planning for 0.43 ms
-- executing alone, and was 55 % of such a search's database time under load. Its plan never depends
-- on the words: the products holding one of the catalog's words that contain a rare word are few
-- (no more than a page's worth among the first 200 products, catalog-words.ts), so they are always
-- read through the index of products' words (0062), and every other condition only tests those rows.
--
-- `held`: the catalog's words one of which each product read holds (every tier's, '' among them for
-- a run of over 60 letters and digits, 0062). `tiers`: one row of LIKE patterns per tier, best rank
-- first, each row padded with '%' (which every text matches) to the longest; `ranks`: each tier's
-- rank. A product is ranked by the first tier whose patterns its text matches (none: not read).
-- `excluding`: the tiers above, likewise one padded row each; a product matching all of one is left
-- out. `area_part`/`area_code`: a province's or a regency's code at its place in the path, as its
-- index reads it; `area_prefix`: a deeper area's path as a prefix. From (`after_rank`, `after_id`),
-- in rank then id order (`OFFSET 0`: each product ranked once, not again in each condition on its
-- rank). PL/pgSQL keeps the plan for the session (a SQL function's would be made for
-- each statement).
CREATE FUNCTION catalog_rare_tiers(
  held text[], tiers text[], ranks integer[], excluding text[], area_part integer, area_code text,
  area_prefix text, today date, category text, min_stars smallint, status text, after_rank integer,
  after_id uuid, page integer
) RETURNS TABLE (id uuid, stars smallint, stars_valid_until date, rank integer)
LANGUAGE plpgsql STABLE ROWS 50 SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY SELECT m.id, m.stars, m.stars_valid_until, m.rank FROM (
    SELECT p.id, p.stars, p.stars_valid_until,
      ranks[(SELECT min(i) FROM generate_subscripts(ranks, 1) i WHERE p.search_text LIKE ALL (tiers[i:i]))] AS rank
    FROM registry_products p
    WHERE p.status <> 'draft' AND catalog_search_words(p.search_text) && held
      AND (area_code IS NULL OR split_part(p.area_path, '/', area_part) = area_code)
      AND (area_prefix IS NULL OR p.area_path LIKE area_prefix)
      AND (catalog_rare_tiers.category IS NULL OR p.category = catalog_rare_tiers.category)
      AND (min_stars IS NULL OR CASE WHEN p.stars_valid_until < today THEN NULL ELSE p.stars END >= min_stars)
      AND (catalog_rare_tiers.status IS NULL OR p.status = catalog_rare_tiers.status)
      AND NOT EXISTS (SELECT FROM generate_subscripts(excluding, 1) j WHERE p.search_text LIKE ALL (excluding[j:j]))
    OFFSET 0
  ) m
  WHERE m.rank IS NOT NULL AND (after_rank IS NULL OR m.rank < after_rank OR m.id > after_id)
  ORDER BY m.rank DESC, m.id LIMIT page;
END;
$$;
