-- Impact: a program's targets (its logframe) and the rules it reads its figures by.

-- Per program: below how many people a cell is shown as "<5" to audiences outside the caller's
-- scope, and when a target is on track or at risk: its progress as a share of the progress expected
-- by now (the share of the period gone by).
CREATE TABLE impact_settings (
  program_id uuid PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
  suppress_below integer NOT NULL DEFAULT 5 CHECK (suppress_below BETWEEN 1 AND 100),
  on_track_from numeric NOT NULL DEFAULT 0.9 CHECK (on_track_from > 0 AND on_track_from <= 2),
  at_risk_from numeric NOT NULL DEFAULT 0.7 CHECK (at_risk_from > 0),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (at_risk_from <= on_track_from)
);

-- A baseline and a target for one indicator in one area (null: the program's whole country) and one
-- period, optionally for one breakdown cell ({"sex":"female"}).
CREATE TABLE impact_targets (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  indicator text NOT NULL,
  area_code text,
  -- The area's materialised path ('' for the whole country): whose grants reach the target.
  area_path text NOT NULL,
  period text NOT NULL,
  breakdown jsonb NOT NULL DEFAULT '{}',
  baseline numeric NOT NULL,
  target numeric NOT NULL,
  note text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX impact_targets_one ON impact_targets (program_id, indicator, COALESCE(area_code, ''), period, breakdown);
CREATE INDEX impact_targets_scope ON impact_targets (program_id, area_path text_pattern_ops);
