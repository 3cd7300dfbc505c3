-- Business: each producer group's double-entry books. A chart of accounts copied from the country's
-- template when the books are first opened; journal entries that always balance and are never
-- edited or deleted once posted (a mistake is corrected by a reversing entry); closed periods.
-- Amounts are integer minor units of the program's currency.

CREATE TABLE ledger_accounts (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  code text NOT NULL CHECK (code ~ '^[1-6]-[0-9]{3}$'),
  name jsonb NOT NULL,
  -- The account's class follows its first digit (SAK EMKM numbering: 1 assets … 6 expenses).
  type text NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'revenue', 'cost_of_goods', 'expense')),
  -- The line of the statement of financial position or income statement the account adds up into.
  line text NOT NULL,
  -- A contra account (accumulated depreciation, drawings) carries the opposite balance of its class.
  contra boolean NOT NULL DEFAULT false,
  -- What simple transactions post to; null for accounts a group adds itself.
  role text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, code),
  UNIQUE (group_id, role)
);

-- The date up to which a group's books are closed: no entry may be dated on or before it.
CREATE TABLE ledger_books (
  group_id uuid PRIMARY KEY REFERENCES producer_groups (id),
  currency text NOT NULL,
  closed_through date,
  next_entry_no integer NOT NULL DEFAULT 1,
  opened_at timestamptz NOT NULL DEFAULT now()
);

-- Each closing, kept as a record of who closed which month and when.
CREATE TABLE ledger_closings (
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  closed_through date NOT NULL,
  closed_by uuid NOT NULL,
  closed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, closed_through)
);

CREATE TABLE journal_entries (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  entry_no integer NOT NULL,
  entry_date date NOT NULL,
  kind text NOT NULL,
  memo text NOT NULL,
  -- What the entry came from: the simple transaction's fields, or an order it posts.
  details jsonb NOT NULL DEFAULT '{}',
  source_type text,
  source_id uuid,
  reverses_id uuid UNIQUE REFERENCES journal_entries (id),
  posted_by uuid NOT NULL,
  posted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, entry_no)
);
CREATE INDEX journal_entries_group_date ON journal_entries (group_id, entry_date, entry_no);
CREATE UNIQUE INDEX journal_entries_source ON journal_entries (source_type, source_id)
  WHERE source_id IS NOT NULL AND reverses_id IS NULL;

CREATE TABLE journal_lines (
  entry_id uuid NOT NULL REFERENCES journal_entries (id),
  line_no smallint NOT NULL,
  account_id uuid NOT NULL REFERENCES ledger_accounts (id),
  debit bigint NOT NULL DEFAULT 0 CHECK (debit >= 0),
  credit bigint NOT NULL DEFAULT 0 CHECK (credit >= 0),
  -- Copied from the entry so reports read one index and never join.
  group_id uuid NOT NULL,
  entry_date date NOT NULL,
  CHECK ((debit = 0) <> (credit = 0)),
  PRIMARY KEY (entry_id, line_no)
);
-- Reports sum debits and credits per account up to a date: an index-only scan.
CREATE INDEX journal_lines_report ON journal_lines (group_id, account_id, entry_date) INCLUDE (debit, credit);

-- Posted is posted: the books are append-only, like the audit log.
CREATE FUNCTION journal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'journal entries are never changed after posting; post a reversing entry'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER journal_entries_no_change BEFORE UPDATE OR DELETE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_lines_no_change BEFORE UPDATE OR DELETE ON journal_lines
  FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();

-- A last guard under the service's own check: at commit, every entry's debits equal its credits.
CREATE FUNCTION journal_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  difference bigint;
BEGIN
  SELECT coalesce(sum(debit) - sum(credit), 0) INTO difference FROM journal_lines WHERE entry_id = NEW.entry_id;
  IF difference <> 0 THEN
    RAISE EXCEPTION 'journal entry % does not balance', NEW.entry_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER journal_lines_balance AFTER INSERT ON journal_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balances();
