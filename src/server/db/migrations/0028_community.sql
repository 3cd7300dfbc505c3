-- The community module, first slice (decision 019): a program's community rules (versioned) and
-- the people who ask to join from the public page, welcomed or declined by a community manager.

-- A community manager is granted like the other staff roles, over the program or an area.
ALTER TABLE role_grants DROP CONSTRAINT IF EXISTS role_grants_role_check;
ALTER TABLE role_grants ADD CONSTRAINT role_grants_role_check CHECK (role IN ('program_manager', 'facilitator',
  'assessor', 'trainer', 'group_manager', 'group_member', 'community_manager'));

-- The rules a joiner consents to: one row per version, the newest in force.
CREATE TABLE community_rules (
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  text jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, version)
);

-- A request to join: what the person gave on the public page, the rules version they consented to,
-- and what became of it. A welcomed request names the account opened (or found) for them.
CREATE TABLE community_joins (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  name text NOT NULL,
  phone text,
  email text,
  area_code text NOT NULL REFERENCES areas (code),
  area_path text NOT NULL,
  business text NOT NULL DEFAULT '',
  topics text[] NOT NULL DEFAULT '{}',
  locale text NOT NULL,
  rules_version integer NOT NULL,
  link_consent boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'welcomed', 'declined')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (phone IS NOT NULL OR email IS NOT NULL),
  FOREIGN KEY (program_id, rules_version) REFERENCES community_rules (program_id, version)
);
CREATE INDEX community_joins_pending ON community_joins (program_id, status, created_at, id);
