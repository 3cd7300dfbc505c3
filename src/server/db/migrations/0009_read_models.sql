-- Read models: the views a module publishes so that others can read its data without touching its
-- tables (docs/architecture.md, "Boundaries"). A module's SQL names its own tables, or another
-- module's views, which are named after their owner (`registry_products` belongs to registry).
-- Views here are plain (no aggregation): PostgreSQL inlines them, so the owner's indexes serve
-- the reader's query as if it had named the table. A view's columns are a contract: add freely,
-- remove or rename only with every reader.

-- The badge a product carries is kept on the product by the registry (quality sets it through the
-- registry's setProductBadge); its end date lets every reader hide a lapsed badge without a write.
ALTER TABLE products ADD COLUMN stars_valid_until date;
UPDATE products p SET stars_valid_until = r.valid_until FROM product_ratings r WHERE r.product_id = p.id;

-- geography: the area tree (public data).
CREATE VIEW geography_areas AS
  SELECT code, country, parent_code, level, depth, name, path FROM areas;

-- platform: who an account is, for names and addresses shown beside records. No credentials.
CREATE VIEW platform_accounts AS
  SELECT id, email, name, locale, disabled_at FROM users;

-- programs: the programs and who holds which role where.
CREATE VIEW programs_programs AS
  SELECT id, code, name, country, currency, locales, started_on FROM programs;
CREATE VIEW programs_role_grants AS
  SELECT id, program_id, user_id, role, area_code, group_id, created_at FROM role_grants;

-- registry: producer groups (with their village), members (nothing personal: no national id, no
-- phone) and products.
CREATE VIEW registry_groups AS
  SELECT g.id, g.program_id, g.village_id, g.area_path, g.name, g.kind, g.founded_on,
         v.area_code AS village_code, v.potentials AS village_potentials
  FROM producer_groups g JOIN villages v ON v.id = g.village_id;
CREATE VIEW registry_members AS
  SELECT m.id, m.group_id, g.program_id, g.area_path, m.name, m.sex, m.birth_year, m.disability, m.role,
         m.joined_on, m.left_on
  FROM members m JOIN producer_groups g ON g.id = m.group_id;
CREATE VIEW registry_products AS
  SELECT id, program_id, group_id, area_path, name, description, story, category, unit, price_minor, currency,
         hs_code, status, stars, stars_valid_until, search_text, created_at, updated_at, capacity_per_month
  FROM products;

-- quality: a product's current star rating and until when its badge is valid.
CREATE VIEW quality_product_ratings AS
  SELECT product_id, assessment_id, stars, valid_until FROM product_ratings;

-- business: production batches (lots) and their stock.
CREATE VIEW business_batches AS
  SELECT id, program_id, group_id, product_id, area_path, lot_code, quantity, unit, produced_on, expires_on,
         currency, stock, reserved
  FROM batches;
