-- Market: a province's or a regency's catalog page read in id order straight from an index. The
-- area-path index (0003) holds a province's products together, but sorted by path: its first page
-- collected all of them (about 1 in 38 products: 5,300 of 200,000) and sorted them to keep 51, at
-- 0.14× the fixed page (docs/benchmarks.md). Keyed by the code at the area's depth in the path, then
-- id, the page is its first rows. Codes are unique, so the code at depth d names the same subtree as
-- the path's prefix. Districts and villages hold a few dozen products each: their prefix is enough.
CREATE INDEX products_catalog_province ON products (split_part(area_path, '/', 2), id) WHERE status <> 'draft';
CREATE INDEX products_catalog_regency ON products (split_part(area_path, '/', 3), id) WHERE status <> 'draft';
