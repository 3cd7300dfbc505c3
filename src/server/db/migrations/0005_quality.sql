-- Quality: rating schemes as versioned data, assessor panel tiers, assessments with self and panel
-- scores, evidence and appeals, the current star badge of each product, and certifications.
-- Shipped scheme templates live in code (modules/quality/scheme-templates.ts), not in rows.

-- A scheme is a family of versions. A version referenced by an assessment is never edited in
-- place: an edit inserts version + 1 of the same family, and `latest` moves to it.
CREATE TABLE rating_schemes (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL,
  program_id uuid NOT NULL REFERENCES programs (id),
  template_id uuid,
  version integer NOT NULL,
  latest boolean NOT NULL DEFAULT true,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (family_id, version)
);
CREATE UNIQUE INDEX rating_schemes_latest ON rating_schemes (family_id) WHERE latest;
CREATE INDEX rating_schemes_program ON rating_schemes (program_id, id);

-- The panel tier an assessor sits on in a program. Kept here rather than on role_grants: the
-- tier is a quality rule, managed by the program manager, and role grants stay module-neutral.
CREATE TABLE assessor_tiers (
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tier text NOT NULL CHECK (tier IN ('district', 'province', 'national')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, user_id)
);

CREATE TABLE assessments (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id),
  product_id uuid NOT NULL REFERENCES products (id),
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  area_path text NOT NULL,
  scheme_id uuid NOT NULL REFERENCES rating_schemes (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  panel_tier text NOT NULL CHECK (panel_tier IN ('district', 'province', 'national')),
  panel_rank smallint NOT NULL CHECK (panel_rank BETWEEN 1 AND 3),
  assessed_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'finalised', 'appealed')),
  self_scores jsonb,
  self_assessed_at timestamptz,
  self_assessed_by uuid REFERENCES users (id),
  -- Computed by the server at finalisation: score, percent, gates, stars. Never typed.
  result jsonb,
  stars smallint CHECK (stars BETWEEN 1 AND 5),
  valid_until date,
  finalised_at timestamptz,
  finalised_by uuid REFERENCES users (id),
  reopened_at timestamptz,
  created_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessments_scope ON assessments (program_id, area_path text_pattern_ops);
CREATE INDEX assessments_product ON assessments (product_id, id);
CREATE INDEX assessments_scheme ON assessments (scheme_id);

-- One assessor's score for one criterion; a re-score replaces it (the audit log keeps the old one).
CREATE TABLE panel_scores (
  assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  assessor_id uuid NOT NULL REFERENCES users (id),
  criterion text NOT NULL,
  points numeric NOT NULL CHECK (points >= 0),
  comment text,
  scored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, assessor_id, criterion)
);

CREATE TABLE assessment_evidence (
  id uuid PRIMARY KEY,
  assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  uploaded_by uuid NOT NULL REFERENCES users (id),
  criterion text,
  content_type text NOT NULL,
  byte_size integer NOT NULL,
  storage_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_evidence_assessment ON assessment_evidence (assessment_id, id);

CREATE TABLE assessment_appeals (
  id uuid PRIMARY KEY,
  assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  filed_by uuid NOT NULL REFERENCES users (id),
  reason text NOT NULL,
  filed_at timestamptz NOT NULL DEFAULT now(),
  decision text CHECK (decision IN ('upheld', 'rejected')),
  note text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz
);
CREATE INDEX assessment_appeals_assessment ON assessment_appeals (assessment_id, filed_at);
CREATE UNIQUE INDEX assessment_appeals_pending ON assessment_appeals (assessment_id) WHERE decision IS NULL;

-- The badge each product currently shows (mirrored into products.stars for the catalog), so an
-- expired badge is found by one indexed range scan.
CREATE TABLE product_ratings (
  product_id uuid PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
  assessment_id uuid NOT NULL REFERENCES assessments (id),
  stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  valid_until date NOT NULL
);
CREATE INDEX product_ratings_valid_until ON product_ratings (valid_until);

CREATE TABLE certifications (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id),
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  -- Null: the certificate covers the whole producer group (e.g. a halal certificate of the business).
  product_id uuid REFERENCES products (id) ON DELETE CASCADE,
  area_path text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('pirt', 'bpom_md', 'halal', 'sni', 'organic', 'fda_registration', 'other')),
  number text NOT NULL,
  issuer text NOT NULL,
  issued_on date NOT NULL,
  -- Null: no expiry date printed on the certificate.
  expires_on date,
  document_key text,
  document_type text,
  document_size integer,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_on IS NULL OR expires_on > issued_on)
);
CREATE INDEX certifications_scope ON certifications (program_id, area_path text_pattern_ops);
CREATE INDEX certifications_product ON certifications (product_id);
CREATE INDEX certifications_group ON certifications (group_id);
CREATE INDEX certifications_expiry ON certifications (expires_on) WHERE expires_on IS NOT NULL;
