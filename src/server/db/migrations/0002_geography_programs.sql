-- Geography: every country's administrative areas as one tree of any depth.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE areas (
  code text PRIMARY KEY,
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  parent_code text REFERENCES areas (code),
  level text NOT NULL,
  depth smallint NOT NULL,
  name text NOT NULL,
  -- Materialised path of codes from the root down to this area, '/'-separated and '/'-terminated:
  -- a subtree test is one indexed prefix comparison instead of a walk up the tree.
  path text NOT NULL
);
CREATE INDEX areas_children ON areas (parent_code, code);
CREATE INDEX areas_path ON areas (path text_pattern_ops);
CREATE INDEX areas_country_level ON areas (country, level, code);
CREATE INDEX areas_name_trgm ON areas USING gin (lower(name) gin_trgm_ops);

-- A program: one OVOP programme in one country.
CREATE TABLE programs (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  locales text[] NOT NULL,
  started_on date NOT NULL,
  categories jsonb NOT NULL DEFAULT '[]',
  template_program_id uuid REFERENCES programs (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A role granted in one program, optionally narrowed to an area subtree or a producer group.
CREATE TABLE role_grants (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('program_manager', 'facilitator', 'assessor', 'trainer',
    'group_manager', 'group_member')),
  area_code text REFERENCES areas (code),
  group_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role NOT IN ('group_manager', 'group_member') OR group_id IS NOT NULL)
);
CREATE UNIQUE INDEX role_grants_unique ON role_grants
  (program_id, user_id, role, coalesce(area_code, ''), coalesce(group_id::text, ''));
CREATE INDEX role_grants_user ON role_grants (user_id);
