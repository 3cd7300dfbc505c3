-- What a buyer reads on a food label: shelf life, ingredients, allergens, net quantity, storage.
-- All optional; text in several languages like the name. `allergens` null: not declared yet; an
-- empty list: declared free of the listed ones (ALLERGENS in src/shared/schemas/registry.ts).
ALTER TABLE products
  ADD COLUMN shelf_life_days integer CHECK (shelf_life_days BETWEEN 1 AND 3650),
  ADD COLUMN ingredients jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN allergens text[],
  ADD COLUMN net_amount numeric(12, 3) CHECK (net_amount > 0),
  ADD COLUMN net_unit text CHECK (net_unit IN ('g', 'kg', 'ml', 'l', 'pcs')),
  ADD COLUMN storage jsonb NOT NULL DEFAULT '{}',
  ADD CONSTRAINT products_net_quantity CHECK ((net_amount IS NULL) = (net_unit IS NULL));

-- Readers (the catalog) see the facts through the registry's view; new columns go at the end.
CREATE OR REPLACE VIEW registry_products AS
  SELECT id, program_id, group_id, area_path, name, description, story, category, unit, price_minor, currency,
         hs_code, status, stars, stars_valid_until, search_text, created_at, updated_at, capacity_per_month,
         shelf_life_days, ingredients, allergens, net_amount, net_unit, storage
  FROM products;

-- Brand registration (merek) and Geographical Indication (Indikasi Geografis), both from DJKI.
ALTER TABLE certifications DROP CONSTRAINT certifications_kind_check;
ALTER TABLE certifications ADD CONSTRAINT certifications_kind_check CHECK (
  kind IN ('pirt', 'bpom_md', 'halal', 'sni', 'organic', 'fda_registration', 'merek', 'geographical_indication', 'other')
);
