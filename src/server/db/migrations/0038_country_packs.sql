-- Country packs (docs/decisions): which pack of each country is installed, and what it was.
CREATE TABLE country_packs (
  country text PRIMARY KEY CHECK (country ~ '^[A-Z]{2}$'),
  version text NOT NULL,
  -- sha-256 of the pack's files as installed: an upgrade with the same digest changes nothing.
  digest text NOT NULL,
  pack jsonb NOT NULL,
  installed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- An area's name in other languages than its own ({"en": "Bangkok"}); the name column stays the
-- country's own spelling.
ALTER TABLE areas ADD COLUMN names jsonb NOT NULL DEFAULT '{}';

-- The kinds the Thai and Vietnamese packs bring: Thai FDA (อย.), the Thai Community Product
-- Standard (มผช.), and Vietnam's food safety eligibility certificate.
ALTER TABLE certifications DROP CONSTRAINT certifications_kind_check;
ALTER TABLE certifications ADD CONSTRAINT certifications_kind_check CHECK (
  kind IN ('pirt', 'bpom_md', 'halal', 'sni', 'organic', 'fda_registration', 'merek', 'geographical_indication',
           'th_fda', 'th_tcps', 'vn_food_safety', 'other')
);
