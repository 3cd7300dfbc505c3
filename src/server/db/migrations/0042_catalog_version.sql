-- Market: the public catalog's version, for caching its answers exactly.
--
-- One counter, bumped in the same transaction as any write that can change what the public catalog
-- shows: a product (its text, price, status, stars), its photos, its certificates and badge (and the
-- round and scheme the badge names), its producer group, and the areas whose names a
-- card shows. A cached answer is kept under the version it was read after; a reader that sees a newer
-- version asks again. Readers never block on the counter (MVCC); writers of catalog tables queue on
-- its row lock until commit, which the catalog's rare writes afford.
--
-- Statement triggers (not row triggers): a bulk write of 5,000 products bumps once. TRUNCATE too.
CREATE TABLE catalog_version (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  version bigint NOT NULL
);
INSERT INTO catalog_version (one, version) VALUES (true, 1);

CREATE FUNCTION catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_version SET version = version + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER products_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER product_photos_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product_photos
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER product_ratings_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product_ratings
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER certifications_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certifications
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER assessments_catalog_version AFTER UPDATE OR DELETE OR TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER rating_schemes_catalog_version AFTER UPDATE OR DELETE OR TRUNCATE ON rating_schemes
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER producer_groups_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON producer_groups
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER areas_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON areas
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
