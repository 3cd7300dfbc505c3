-- Market: what a catalog card shows beside the product's own columns, kept per product by the
-- database — its group's name and kind, its first photo, and the names of its village and the areas
-- above it. A catalog page then reads products and their cards by primary key, instead of joining
-- each product to its group and village, looking up its first photo and four areas by code (806 of a
-- first page's 1,361 buffer reads at 200,000 products, and most of its planning).
--
-- Written by statement triggers with transition tables, in the writing statement's transaction: a
-- bulk load of 5,000 products fills 5,000 cards in one statement; a page never sees a product
-- without its card. Every product has a card, drafts too (publishing is an update of status only).
CREATE TABLE catalog_cards (
  product_id uuid PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
  group_name text NOT NULL,
  group_kind text NOT NULL,
  photo_key text,
  photo_thumbnail_key text,
  -- The names of the areas of the product's path, by code: {"51": "BALI", "51.07": "KAB. KARANGASEM", …}.
  area_names jsonb NOT NULL
);

-- The cards of `ids`, written again from the products, groups, photos and areas they show.
CREATE FUNCTION catalog_cards_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO catalog_cards AS c (product_id, group_name, group_kind, photo_key, photo_thumbnail_key, area_names)
  SELECT p.id, g.name, g.kind, ph.storage_key, ph.thumbnail_key,
         COALESCE((SELECT jsonb_object_agg(a.code, a.name) FROM areas a
                   WHERE a.code = ANY (string_to_array(trim(BOTH '/' FROM p.area_path), '/'))), '{}'::jsonb)
  FROM products p
  JOIN producer_groups g ON g.id = p.group_id
  LEFT JOIN LATERAL (
    SELECT storage_key, thumbnail_key FROM product_photos
    WHERE product_id = p.id ORDER BY position, id LIMIT 1
  ) ph ON true
  WHERE p.id = ANY (ids)
  ORDER BY p.id
  ON CONFLICT (product_id) DO UPDATE SET
    group_name = excluded.group_name, group_kind = excluded.group_kind, photo_key = excluded.photo_key,
    photo_thumbnail_key = excluded.photo_thumbnail_key, area_names = excluded.area_names
$$;

CREATE FUNCTION catalog_cards_products_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_cards_refresh(ARRAY(SELECT id FROM added));
  RETURN NULL;
END;
$$;
CREATE TRIGGER products_catalog_cards_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION catalog_cards_products_added();

-- A product moved to another group or village (its path): its card again. Text, price, status and
-- stars are read from the product itself.
CREATE FUNCTION catalog_cards_products_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_cards_refresh(ARRAY(
    SELECT n.id FROM changed_new n JOIN changed_old o ON o.id = n.id
    WHERE n.group_id IS DISTINCT FROM o.group_id OR n.area_path IS DISTINCT FROM o.area_path));
  RETURN NULL;
END;
$$;
CREATE TRIGGER products_catalog_cards_update AFTER UPDATE ON products
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_cards_products_changed();

-- A group renamed or of another kind: the cards of its products.
CREATE FUNCTION catalog_cards_groups_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_cards_refresh(ARRAY(
    SELECT p.id FROM changed_new n JOIN changed_old o ON o.id = n.id JOIN products p ON p.group_id = n.id
    WHERE n.name IS DISTINCT FROM o.name OR n.kind IS DISTINCT FROM o.kind));
  RETURN NULL;
END;
$$;
CREATE TRIGGER producer_groups_catalog_cards AFTER UPDATE ON producer_groups
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_cards_groups_changed();

-- A photo added, moved, replaced or removed: the first photo of its product again. One function for
-- the three triggers: each names only the transition tables its operation has.
CREATE FUNCTION catalog_cards_photos_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM catalog_cards_refresh(ARRAY(SELECT DISTINCT product_id FROM changed_new));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM catalog_cards_refresh(ARRAY(SELECT DISTINCT product_id FROM changed_old));
  ELSE
    PERFORM catalog_cards_refresh(ARRAY(SELECT product_id FROM changed_old UNION SELECT product_id FROM changed_new));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER product_photos_catalog_cards_insert AFTER INSERT ON product_photos
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION catalog_cards_photos_changed();
CREATE TRIGGER product_photos_catalog_cards_delete AFTER DELETE ON product_photos
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION catalog_cards_photos_changed();
CREATE TRIGGER product_photos_catalog_cards_update AFTER UPDATE ON product_photos
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_cards_photos_changed();

-- An area renamed: the cards of the products below it. (An area is never added above a product that
-- exists: a village's ancestors come before it.)
CREATE FUNCTION catalog_cards_areas_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_cards_refresh(ARRAY(
    SELECT p.id FROM changed_new n JOIN changed_old o ON o.code = n.code
    JOIN products p ON p.area_path LIKE '%/' || n.code || '/%'
    WHERE n.name IS DISTINCT FROM o.name));
  RETURN NULL;
END;
$$;
CREATE TRIGGER areas_catalog_cards AFTER UPDATE ON areas
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_cards_areas_changed();

SELECT catalog_cards_refresh(ARRAY(SELECT id FROM products));
