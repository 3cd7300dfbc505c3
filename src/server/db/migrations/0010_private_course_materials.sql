-- Course materials are private files: answers carry a short-lived link signed for the reader, made
-- when read, so a course keeps each material's storage key instead of a permanent public address.
UPDATE courses SET files = (
  SELECT coalesce(
    jsonb_agg((f - 'url') || jsonb_build_object('key', regexp_replace(f ->> 'url', '^/media/', '')) ORDER BY n),
    '[]'::jsonb
  )
  FROM jsonb_array_elements(files) WITH ORDINALITY AS m(f, n)
)
WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(files) AS m(f) WHERE f ? 'url');
