-- Business: books a treasurer can trust (issue 13). Stock and books are one ledger: every batch
-- carries its cost and every stock movement the cost it moved, so the books' inventory equals the
-- valuation of stock on hand at any date. Fixed assets carry a useful life and are depreciated
-- month by month. A bank account may be flagged as an overdraft: the one account allowed below zero.

ALTER TABLE ledger_accounts ADD COLUMN overdraft boolean NOT NULL DEFAULT false;

-- A batch's total cost (materials + labour + overhead, or the cost per unit times the quantity) and
-- its breakdown in minor units; null for a batch recorded without a cost (valued at zero).
ALTER TABLE batches ADD COLUMN cost_minor bigint CHECK (cost_minor >= 0);
ALTER TABLE batches ADD COLUMN costs jsonb;
UPDATE batches SET cost_minor = round(cost_per_unit_minor * quantity) WHERE cost_per_unit_minor IS NOT NULL;

-- The cost a movement moved into (produced) or out of (sold, spoiled, sample, consumed) the batch.
-- Reservations move no cost. Out of a batch the cost is the drop of its value, value(stock) =
-- round(cost × stock / quantity), so a batch's movements add up exactly to its value on hand.
ALTER TABLE stock_movements ADD COLUMN cost_minor bigint NOT NULL DEFAULT 0 CHECK (cost_minor >= 0);
CREATE INDEX stock_movements_on ON stock_movements (batch_id, on_date);

-- A fixed asset bought (its purchase entry), depreciated straight-line over its useful life down
-- to its residual value, and perhaps disposed of.
CREATE TABLE fixed_assets (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  name text NOT NULL,
  acquired_on date NOT NULL,
  cost_minor bigint NOT NULL CHECK (cost_minor > 0),
  residual_minor bigint NOT NULL DEFAULT 0 CHECK (residual_minor >= 0),
  life_months integer NOT NULL CHECK (life_months > 0),
  purchase_entry_id uuid NOT NULL REFERENCES journal_entries (id),
  disposed_on date,
  disposal_entry_id uuid REFERENCES journal_entries (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (residual_minor < cost_minor)
);
CREATE INDEX fixed_assets_group ON fixed_assets (group_id, acquired_on);

-- One depreciation posting per asset per month: posting a month twice is impossible.
CREATE TABLE asset_depreciation (
  asset_id uuid NOT NULL REFERENCES fixed_assets (id),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  entry_id uuid NOT NULL REFERENCES journal_entries (id),
  PRIMARY KEY (asset_id, month)
);

-- What a batch's stock on hand is worth: its cost in, less the cost of every movement out. A
-- movement out takes value × quantity / stock (all of it when the batch empties); a return puts
-- back what the movement took. The books' inventory of batches is the sum of these values.
ALTER TABLE batches ADD COLUMN value_minor bigint NOT NULL DEFAULT 0 CHECK (value_minor >= 0);
UPDATE batches SET value_minor = round(coalesce(cost_minor, 0) * stock / quantity);

-- The entry that posted a movement's cost, and a movement that returns stock when that entry is reversed.
ALTER TABLE stock_movements ADD COLUMN entry_id uuid REFERENCES journal_entries (id);
ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_kind_check;
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_kind_check
  CHECK (kind IN ('produced', 'sold', 'spoiled', 'sample', 'consumed', 'reserved', 'released', 'returned'));
CREATE INDEX stock_movements_entry ON stock_movements (entry_id) WHERE entry_id IS NOT NULL;
