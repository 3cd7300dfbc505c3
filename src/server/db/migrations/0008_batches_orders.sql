-- Batches (production runs, their genealogy and stock), buyers, inquiries, quotes and orders, and
-- the platform's notifications with an email outbox.

-- A production run of a product. Quantities are exact decimals in the product's unit. `stock` is
-- what is on hand and `reserved` what confirmed orders hold; the CHECKs are the last line behind
-- the row locks the services take: stock and what is available (stock − reserved) never go negative.
CREATE TABLE batches (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id),
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  product_id uuid NOT NULL REFERENCES products (id),
  area_path text NOT NULL,
  lot_code text NOT NULL,
  quantity numeric(18, 3) NOT NULL CHECK (quantity > 0),
  unit text NOT NULL,
  produced_on date NOT NULL,
  expires_on date,
  cost_per_unit_minor bigint CHECK (cost_per_unit_minor >= 0),
  currency text NOT NULL,
  stock numeric(18, 3) NOT NULL CHECK (stock >= 0),
  reserved numeric(18, 3) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  notes text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, lot_code),
  CHECK (reserved <= stock),
  CHECK (expires_on IS NULL OR expires_on >= produced_on)
);
CREATE INDEX batches_scope ON batches (program_id, area_path text_pattern_ops);
CREATE INDEX batches_product ON batches (product_id, expires_on, produced_on);

-- Genealogy: the input batches a batch consumed, and how much of each.
CREATE TABLE batch_inputs (
  batch_id uuid NOT NULL REFERENCES batches (id),
  input_batch_id uuid NOT NULL REFERENCES batches (id),
  quantity numeric(18, 3) NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (batch_id, input_batch_id),
  CHECK (batch_id <> input_batch_id)
);
CREATE INDEX batch_inputs_input ON batch_inputs (input_batch_id);

-- A buyer is a user account with a company profile (DESIGN §2: buyers use the catalog).
CREATE TABLE buyers (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  company_name text NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  area_code text REFERENCES areas (code),
  area_path text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((area_code IS NULL) = (area_path IS NULL))
);

CREATE TABLE inquiries (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id),
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  product_id uuid NOT NULL REFERENCES products (id),
  area_path text NOT NULL,
  buyer_id uuid NOT NULL REFERENCES buyers (user_id),
  kind text NOT NULL CHECK (kind IN ('inquiry', 'sample', 'quotation')),
  quantity numeric(18, 3) CHECK (quantity > 0),
  status text NOT NULL CHECK (status IN ('open', 'answered', 'quoted', 'ordered', 'closed')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inquiries_scope ON inquiries (program_id, area_path text_pattern_ops);
CREATE INDEX inquiries_group ON inquiries (group_id, id);
CREATE INDEX inquiries_buyer ON inquiries (buyer_id, id);

CREATE TABLE inquiry_messages (
  id uuid PRIMARY KEY,
  inquiry_id uuid NOT NULL REFERENCES inquiries (id),
  -- The writer's account (no foreign key: the system acts too, as in audit_log).
  author_id uuid NOT NULL,
  side text NOT NULL CHECK (side IN ('buyer', 'group')),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inquiry_messages_inquiry ON inquiry_messages (inquiry_id, created_at, id);

CREATE TABLE quotes (
  id uuid PRIMARY KEY,
  inquiry_id uuid NOT NULL REFERENCES inquiries (id),
  unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
  currency text NOT NULL,
  quantity numeric(18, 3) NOT NULL CHECK (quantity > 0),
  valid_until date NOT NULL,
  note text,
  status text NOT NULL CHECK (status IN ('open', 'accepted', 'superseded')),
  author_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quotes_inquiry ON quotes (inquiry_id, created_at, id);

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id),
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  product_id uuid NOT NULL REFERENCES products (id),
  area_path text NOT NULL,
  buyer_id uuid NOT NULL REFERENCES buyers (user_id),
  inquiry_id uuid REFERENCES inquiries (id),
  quote_id uuid UNIQUE REFERENCES quotes (id),
  quantity numeric(18, 3) NOT NULL CHECK (quantity > 0),
  unit text NOT NULL,
  unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
  total_minor bigint NOT NULL CHECK (total_minor >= 0),
  currency text NOT NULL,
  market text NOT NULL CHECK (market IN ('local', 'national', 'export')),
  status text NOT NULL CHECK (status IN ('placed', 'confirmed', 'shipped', 'delivered', 'cancelled')),
  -- The sale's journal entry in the group's books, once shipped (kept by the business module).
  sale_entry_id uuid,
  placed_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  cancelled_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_scope ON orders (program_id, area_path text_pattern_ops);
CREATE INDEX orders_group ON orders (group_id, id);
CREATE INDEX orders_buyer ON orders (buyer_id, id);

-- What a confirmed order holds of each batch.
CREATE TABLE order_allocations (
  order_id uuid NOT NULL REFERENCES orders (id),
  batch_id uuid NOT NULL REFERENCES batches (id),
  quantity numeric(18, 3) NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, batch_id)
);
CREATE INDEX order_allocations_batch ON order_allocations (batch_id);

-- Every change of a batch's stock or reservation, append-only.
CREATE TABLE stock_movements (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES batches (id),
  kind text NOT NULL CHECK (kind IN ('produced', 'sold', 'spoiled', 'sample', 'consumed', 'reserved', 'released')),
  quantity numeric(18, 3) NOT NULL CHECK (quantity > 0),
  on_date date NOT NULL,
  order_id uuid REFERENCES orders (id),
  consumed_by_batch_id uuid REFERENCES batches (id),
  note text,
  actor_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_batch ON stock_movements (batch_id, created_at, id);

-- In-app notifications, and an outbox of emails written in the same transaction; a mailer (not
-- part of this server) sends them and stamps sent_at.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  link text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC);

CREATE TABLE email_outbox (
  id uuid PRIMARY KEY,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  kind text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0
);
CREATE INDEX email_outbox_pending ON email_outbox (created_at) WHERE sent_at IS NULL;

-- Notifications go to a group's managers on every inquiry and order step: find them by group.
CREATE INDEX role_grants_group ON role_grants (group_id, role) WHERE group_id IS NOT NULL;
