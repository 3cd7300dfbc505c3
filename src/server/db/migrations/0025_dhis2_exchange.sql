-- Impact → DHIS2 (decision 016): a program's mapping of its indicators to DHIS2 codes, the DHIS2
-- server it reports to, and every push with DHIS2's answer.

-- The program's DHIS2 settings: the period type of its export, the optional data set and default
-- attribute option combo (codes), and the server (its secret, a password or a personal access
-- token, stored only encrypted and never answered).
CREATE TABLE impact_dhis2_settings (
  program_id uuid PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
  period_type text NOT NULL DEFAULT 'Quarterly'
    CHECK (period_type IN ('Monthly', 'Quarterly', 'Yearly', 'FinancialApril', 'FinancialJuly', 'FinancialOct')),
  data_set text,
  attribute_option_combo text,
  base_url text,
  auth text NOT NULL DEFAULT 'basic' CHECK (auth IN ('basic', 'token')),
  username text NOT NULL DEFAULT '',
  secret_encrypted text,
  timeout_seconds integer NOT NULL DEFAULT 30 CHECK (timeout_seconds BETWEEN 1 AND 120),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One indicator's breakdown cell ({"sex":"female","age_band":"25-34"}; {} for the whole value) as
-- a DHIS2 data element and category option combo (codes).
CREATE TABLE impact_dhis2_data_elements (
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  position integer NOT NULL,
  indicator text NOT NULL,
  cell jsonb NOT NULL DEFAULT '{}',
  data_element text NOT NULL,
  category_option_combo text,
  attribute_option_combo text,
  PRIMARY KEY (program_id, position),
  UNIQUE (program_id, indicator, cell)
);

-- The areas the program reports, each as a DHIS2 organisation unit: its own code unless the program
-- names another. A null area is the program's whole country.
CREATE TABLE impact_dhis2_org_units (
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  position integer NOT NULL,
  area_code text,
  org_unit text,
  PRIMARY KEY (program_id, position)
);
CREATE UNIQUE INDEX impact_dhis2_org_units_area ON impact_dhis2_org_units (program_id, COALESCE(area_code, ''));

-- Each push that DHIS2 answered: when, by whom, for which period, and its ImportSummary.
CREATE TABLE impact_dhis2_pushes (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  pushed_at timestamptz NOT NULL,
  pushed_by uuid NOT NULL,
  pushed_by_name text NOT NULL,
  period text NOT NULL,
  data_values integer NOT NULL,
  status text NOT NULL,
  imported integer NOT NULL,
  updated integer NOT NULL,
  ignored integer NOT NULL,
  deleted integer NOT NULL,
  conflicts jsonb NOT NULL DEFAULT '[]',
  description text NOT NULL DEFAULT ''
);
CREATE INDEX impact_dhis2_pushes_program ON impact_dhis2_pushes (program_id, pushed_at DESC);
