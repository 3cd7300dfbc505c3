-- Registry: a product's photos as other modules may read them (the public catalog reads each card's
-- first photo in the same statement as its page of products; decision 024). Keys and order only.
CREATE VIEW registry_product_photos AS
  SELECT id, product_id, position, storage_key, thumbnail_key FROM product_photos;
