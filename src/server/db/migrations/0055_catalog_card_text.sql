-- Market: a catalog card is kept as the JSON it is sent as (decision 032). What a card shows the
-- same in every language and on every day — id, category, unit, price, status, first photo,
-- village, region and group — is one JSON object; its name and the start of its description are
-- kept written out for each language the product has text in; both by the triggers of migration
-- 0052. A page puts together the card, the texts of the reader's language and the stars (hidden
-- once the badge has lapsed: that depends on the day), and the cards are sent as they come. The
-- server no longer parses each product's texts in every language, builds an object per card and
-- writes it out again: the uncached first page cost it 1.44 ms of CPU, a fixed page of the same
-- size 0.15 ms (docs/benchmarks.md). Choosing the language and cutting the description while the
-- page is read cost PostgreSQL 1.9 ms for 51 cards (SQL functions called per row), reading them
-- written out 0.05 ms.

-- Minor digits of a currency, by the ISO 4217 list (as src/shared/money.ts: IDR 2, JPY 0, KWD 3).
CREATE FUNCTION iso_4217_minor_digits(currency text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN currency = ANY ('{BIF,CLP,DJF,GNF,ISK,JPY,KMF,KRW,PYG,RWF,UGX,UYI,VND,VUV,XAF,XOF,XPF}') THEN 0
    WHEN currency = ANY ('{BHD,IQD,JOD,KWD,LYD,OMR,TND}') THEN 3
    WHEN currency = ANY ('{CLF,UYW}') THEN 4
    ELSE 2
  END
$$;

-- An amount in minor units as the API writes money: a decimal string with the currency's digits
-- (1290050 IDR → '12900.50', 5 JPY → '5').
CREATE FUNCTION money_amount(minor bigint, currency text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT round(minor::numeric / 10::numeric ^ iso_4217_minor_digits(currency), iso_4217_minor_digits(currency))::text
$$;

-- A localized text in `locale`, else Indonesian, else English, else its first language (as
-- src/shared/localized.ts; jsonb keeps keys in the order JSON.parse gives them back).
CREATE FUNCTION catalog_text(t jsonb, locale text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(t ->> locale, t ->> 'id', t ->> 'en', (SELECT value FROM jsonb_each_text(t) LIMIT 1))
$$;

-- The start of a description for a card: up to 240 characters, cut at the last space when it is
-- past the middle (a language without spaces is cut where it is), trailing white space trimmed, and
-- '…' when something was left out.
CREATE FUNCTION catalog_short_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN length(t) <= 240 THEN t ELSE
    rtrim(
      CASE WHEN strpos(reverse(left(t, 240)), ' ') BETWEEN 1 AND 119
        THEN left(t, 240 - strpos(reverse(left(t, 240)), ' '))
        ELSE left(t, 240)
      END,
      E' \t\n\x0b\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'
    ) || '…'
  END
$$;

ALTER TABLE catalog_cards
  DROP COLUMN group_name,
  DROP COLUMN group_kind,
  DROP COLUMN photo_key,
  DROP COLUMN photo_thumbnail_key,
  DROP COLUMN area_names,
  -- {"id": …, "category": …, "unit": …, "price": {"amount", "currency"}, "status": …, "exportReady": …,
  --  "photo": {"url", "thumbnailUrl"} or null, "village": {"code", "name"}, "region": [names above it],
  --  "group": {"id", "name", "kind"}}
  ADD COLUMN card text NOT NULL DEFAULT '{}',
  -- For Indonesian and each language of the product's name or description, the two as a card
  -- writes them: {"id": "\"name\":\"Keripik salak\",\"description\":\"Renyah…\"", "ja": …}. A reader
  -- of another language is shown the Indonesian entry: the same texts as catalog_text chooses.
  ADD COLUMN texts jsonb NOT NULL DEFAULT '{}';
ALTER TABLE catalog_cards ALTER COLUMN card DROP DEFAULT, ALTER COLUMN texts DROP DEFAULT;

CREATE OR REPLACE FUNCTION catalog_cards_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO catalog_cards AS c (product_id, card, texts)
  SELECT p.id, json_build_object(
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
  )::text,
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
  ON CONFLICT (product_id) DO UPDATE SET card = excluded.card, texts = excluded.texts
$$;

-- A product whose card changes: moved to another group or village, renamed, described anew, or of
-- another category, unit, price or status. Its stars are read from the product itself.
CREATE OR REPLACE FUNCTION catalog_cards_products_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_cards_refresh(ARRAY(
    SELECT n.id FROM changed_new n JOIN changed_old o ON o.id = n.id
    WHERE (n.group_id, n.area_path, n.name, n.description, n.category, n.unit, n.price_minor, n.currency, n.status)
      IS DISTINCT FROM (o.group_id, o.area_path, o.name, o.description, o.category, o.unit, o.price_minor, o.currency, o.status)));
  RETURN NULL;
END;
$$;

SELECT catalog_cards_refresh(ARRAY(SELECT id FROM products));
