-- Rating rounds: one assessment per product per round (its year). A new round supersedes the
-- result of an older one; the older stays, as history.
--
-- Before this rule a product could be entered twice in a year. Such rows are kept and marked:
-- every one but the newest entered of its product and year is `earlier_in_round`, outside the
-- rule, so no history is lost and the rule holds for everything entered from now on.
ALTER TABLE assessments ADD COLUMN earlier_in_round boolean NOT NULL DEFAULT false;
UPDATE assessments a SET earlier_in_round = true
WHERE EXISTS (
  SELECT 1 FROM assessments b
  WHERE b.product_id = a.product_id AND b.year = a.year AND (b.created_at, b.id) > (a.created_at, a.id)
);
CREATE UNIQUE INDEX assessments_one_per_round ON assessments (product_id, year) WHERE NOT earlier_in_round;

-- Scheme definitions gain the fewest stars shown in public; stored copies keep showing every star.
UPDATE rating_schemes SET definition = definition || '{"minPublicStars": 1}'::jsonb
WHERE definition -> 'minPublicStars' IS NULL;

-- Part names of copied templates lose the word "placeholder" (the part's `placeholder` flag stays
-- and the screens say it in the reader's language).
UPDATE rating_schemes
SET definition = replace(replace(definition::text, ' (placeholder)', ''), '（仮）', '')::jsonb
WHERE definition::text LIKE '%(placeholder)%' OR definition::text LIKE '%（仮）%';
