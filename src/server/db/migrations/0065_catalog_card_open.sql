-- Market: a catalog card kept without its closing brace (`card_open`), so that a page appends the
-- reader's texts and the stars to it as it is. Each page row cut the brace off as it was read
-- (`left(card, -1)`), and for text in UTF-8 that counts every character of the card: at 200,000
-- products, a first page of 51 cards read 2,000–2,100 times a second with the cut and 2,570–2,650
-- without it (pgbench, 8 clients, the page's own statement). The card is cut once, when written.
ALTER TABLE catalog_cards RENAME COLUMN card TO card_open;
UPDATE catalog_cards SET card_open = left(card_open, -1);

CREATE OR REPLACE FUNCTION catalog_cards_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO catalog_cards AS c (product_id, card_open, texts)
  SELECT p.id, left(json_build_object(
    'id', p.id,
    'category', p.category,
    'unit', p.unit,
    'price', json_build_object('amount', money_amount(p.price_minor, p.currency), 'currency', p.currency),
    'status', p.status,
    'exportReady', p.status = 'export_ready',
    'photo', CASE WHEN ph.storage_key IS NOT NULL AND ph.thumbnail_key IS NOT NULL
      THEN json_build_object('url', '/media/' || ph.storage_key, 'thumbnailUrl', '/media/' || ph.thumbnail_key) END,
    'village', json_build_object('code', path.codes[cardinality(path.codes)],
      'name', coalesce((SELECT a.name FROM areas a WHERE a.code = path.codes[cardinality(path.codes)]),
                       path.codes[cardinality(path.codes)])),
    'region', (SELECT coalesce(json_agg(coalesce(a.name, u.code) ORDER BY u.n), '[]'::json)
               FROM unnest(path.codes[1:cardinality(path.codes) - 1]) WITH ORDINALITY AS u (code, n)
               LEFT JOIN areas a ON a.code = u.code),
    'group', json_build_object('id', p.group_id, 'name', g.name, 'kind', g.kind)
  )::text, -1),
  (SELECT jsonb_object_agg(l.language,
     '"name":' || to_json(coalesce(catalog_text(p.name, l.language), ''))::text
     || ',"description":' || coalesce(to_json(catalog_short_text(catalog_text(p.description, l.language)))::text, 'null'))
   FROM (SELECT 'id' AS language UNION SELECT jsonb_object_keys(p.name) UNION SELECT jsonb_object_keys(p.description)) l)
  FROM products p
  JOIN producer_groups g ON g.id = p.group_id
  CROSS JOIN LATERAL (SELECT string_to_array(trim(BOTH '/' FROM p.area_path), '/') AS codes) path
  LEFT JOIN LATERAL (
    SELECT storage_key, thumbnail_key FROM product_photos
    WHERE product_id = p.id ORDER BY position, id LIMIT 1
  ) ph ON true
  WHERE p.id = ANY (ids)
  ORDER BY p.id
  ON CONFLICT (product_id) DO UPDATE SET card_open = excluded.card_open, texts = excluded.texts
$$;
