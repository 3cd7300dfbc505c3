-- Registry: villages enrolled in a program, producer groups, their members, and products.
-- Every row carries the materialised path of its area, so scope checks and subtree filters are one
-- indexed prefix comparison (see areas.path).

CREATE TABLE villages (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id),
  area_code text NOT NULL REFERENCES areas (code),
  area_path text NOT NULL,
  population integer,
  households integer,
  potentials text[] NOT NULL DEFAULT '{}',
  notes text,
  facilitator_id uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, area_code)
);
CREATE INDEX villages_scope ON villages (program_id, area_path text_pattern_ops);

CREATE TABLE producer_groups (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id),
  village_id uuid NOT NULL REFERENCES villages (id),
  area_path text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('women_group', 'cooperative', 'bumdes', 'farmer_group', 'enterprise')),
  founded_on date,
  nib text,
  contact jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX producer_groups_scope ON producer_groups (program_id, area_path text_pattern_ops);
CREATE INDEX producer_groups_village ON producer_groups (village_id);

ALTER TABLE role_grants ADD CONSTRAINT role_grants_group_fk FOREIGN KEY (group_id) REFERENCES producer_groups (id) ON DELETE CASCADE;

-- National id numbers and phones are personal data: stored only encrypted (AES-256-GCM), with a
-- keyed hash of the national id to find duplicates without decrypting.
CREATE TABLE members (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  name text NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male')),
  birth_year integer NOT NULL,
  disability boolean NOT NULL DEFAULT false,
  role text NOT NULL CHECK (role IN ('chair', 'secretary', 'treasurer', 'member')),
  joined_on date NOT NULL,
  left_on date,
  national_id_encrypted text,
  national_id_hash text,
  phone_encrypted text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX members_group ON members (group_id, name, id);
CREATE UNIQUE INDEX members_national_id ON members (group_id, national_id_hash) WHERE national_id_hash IS NOT NULL;

CREATE TABLE products (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id),
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  area_path text NOT NULL,
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  story jsonb NOT NULL DEFAULT '{}',
  category text NOT NULL,
  unit text NOT NULL,
  price_minor bigint NOT NULL CHECK (price_minor >= 0),
  currency text NOT NULL,
  capacity_per_month integer,
  hs_code text,
  status text NOT NULL CHECK (status IN ('draft', 'ready', 'export_ready')),
  -- Kept by the quality module; null until a product is rated.
  stars smallint CHECK (stars BETWEEN 1 AND 5),
  -- Lower-cased text of every language's name, description and story, for catalog search.
  search_text text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_scope ON products (program_id, area_path text_pattern_ops);
CREATE INDEX products_group ON products (group_id);
CREATE INDEX products_catalog ON products (area_path text_pattern_ops, id) WHERE status <> 'draft';
CREATE INDEX products_search ON products USING gin (search_text gin_trgm_ops) WHERE status <> 'draft';

CREATE TABLE product_photos (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position integer NOT NULL,
  content_type text NOT NULL,
  byte_size integer NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  storage_key text NOT NULL,
  thumbnail_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_photos_product ON product_photos (product_id, position);
