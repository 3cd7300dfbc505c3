-- Sales as facts a program reports (docs/indicators.md, decision 013): every posting to a group's
-- sales account is a sale — a one-tap sale or a buyer's order — in a market (local, national,
-- export), with a destination for exports, and the sex of the person who led the group when it
-- was sold. The books keep these facts; the impact module reads them through the read models
-- below, never through the books' tables.

-- registry: when a group was registered in the program (groups are counted from that day).
CREATE OR REPLACE VIEW registry_groups AS
  SELECT g.id, g.program_id, g.village_id, g.area_path, g.name, g.kind, g.founded_on,
         v.area_code AS village_code, v.potentials AS village_potentials, g.created_at
  FROM producer_groups g JOIN villages v ON v.id = g.village_id;

-- The sex of the group's chair when the entry was posted ('female', 'male'; null when the group had
-- no chair or the entry is no sale). Set by the database on insert, so every path that posts a sale
-- (one tap, an order shipped, the demo) records it, and a later change of chair leaves the sales
-- already made where they were.
ALTER TABLE journal_entries ADD COLUMN led_by text CHECK (led_by IN ('female', 'male'));

CREATE FUNCTION journal_entries_led_by() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.reverses_id IS NOT NULL THEN
    -- A reversal takes back the original sale where it was counted.
    SELECT led_by INTO NEW.led_by FROM journal_entries WHERE id = NEW.reverses_id;
  ELSIF NEW.kind IN ('cash_sale', 'credit_sale') THEN
    SELECT m.sex INTO NEW.led_by FROM registry_members m
    WHERE m.group_id = NEW.group_id AND m.role = 'chair' AND m.left_on IS NULL
    ORDER BY m.joined_on, m.id LIMIT 1;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER journal_entries_led_by BEFORE INSERT ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION journal_entries_led_by();

-- The sales of a month in one area at the second level of the tree (a regency in Indonesia), per
-- market, channel, destination and the sex that led: what national, province and regency figures
-- add up from (a year of a country is a few thousand rows, whatever the number of sales). Kept by
-- the database in the posting's own statement, like ledger_month_balances: a sale shows in the
-- next read. One row per regency and month is rarely written by two postings at once, so the lock
-- the upsert takes is no hot spot (a country-wide row would be).
CREATE TABLE sales_month_totals (
  program_id uuid NOT NULL,
  -- The group's area path cut after its second level: '/51/51.07/'.
  area_path text NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  market text NOT NULL,
  channel text NOT NULL,
  -- The buyer's country for an export, '' otherwise.
  destination text NOT NULL,
  -- 'female', 'male' or '' (no chair).
  led_by text NOT NULL,
  currency text NOT NULL,
  -- In minor units; a reversal subtracts.
  amount numeric NOT NULL,
  PRIMARY KEY (program_id, area_path, month, market, channel, destination, led_by, currency)
);

-- One sale per row: the facts every sales figure is computed from, and what the summary must equal.
-- Lines of the sales account only; a reversal carries the original's market, channel and
-- destination with the amount taken back.
CREATE VIEW business_sales AS
  SELECT e.id AS entry_id, e.group_id, g.program_id, g.area_path, e.entry_date,
         COALESCE(COALESCE(o.details, e.details)->>'market', 'local') AS market,
         CASE WHEN COALESCE(o.source_type, e.source_type) = 'order' THEN 'order' ELSE 'one_tap' END AS channel,
         COALESCE(COALESCE(o.details, e.details)->>'destination', '') AS destination,
         COALESCE(e.led_by, '') AS led_by,
         b.currency,
         sum(l.credit - l.debit) AS amount
  FROM journal_lines l
  JOIN ledger_accounts a ON a.id = l.account_id AND a.role = 'sales'
  JOIN journal_entries e ON e.id = l.entry_id
  LEFT JOIN journal_entries o ON o.id = e.reverses_id
  JOIN ledger_books b ON b.group_id = e.group_id
  JOIN registry_groups g ON g.id = e.group_id
  GROUP BY e.id, g.program_id, g.area_path, o.details, o.source_type, b.currency;

-- The summary, for readers: the area path is the second-level area's.
CREATE VIEW business_sales_months AS
  SELECT program_id, area_path, month, market, channel, destination, led_by, currency, amount
  FROM sales_month_totals;

CREATE FUNCTION sales_month_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_month_totals AS t (program_id, area_path, month, market, channel, destination, led_by, currency,
                                       amount)
  SELECT g.program_id, COALESCE(substring(g.area_path FROM '^/[^/]+/[^/]+/'), g.area_path),
         date_trunc('month', x.entry_date)::date,
         COALESCE(COALESCE(o.details, e.details)->>'market', 'local'),
         CASE WHEN COALESCE(o.source_type, e.source_type) = 'order' THEN 'order' ELSE 'one_tap' END,
         COALESCE(COALESCE(o.details, e.details)->>'destination', ''),
         COALESCE(e.led_by, ''), b.currency, sum(x.credit - x.debit)
  FROM added x
  JOIN ledger_accounts a ON a.id = x.account_id AND a.role = 'sales'
  JOIN journal_entries e ON e.id = x.entry_id
  LEFT JOIN journal_entries o ON o.id = e.reverses_id
  JOIN ledger_books b ON b.group_id = x.group_id
  JOIN registry_groups g ON g.id = x.group_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (program_id, area_path, month, market, channel, destination, led_by, currency)
    DO UPDATE SET amount = t.amount + excluded.amount;
  RETURN NULL;
END;
$$;
CREATE TRIGGER journal_lines_sales_month_totals AFTER INSERT ON journal_lines
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sales_month_totals_add();

-- The sales already posted (their led_by stays unknown: who chaired then is not recorded).
INSERT INTO sales_month_totals (program_id, area_path, month, market, channel, destination, led_by, currency, amount)
SELECT program_id, COALESCE(substring(area_path FROM '^/[^/]+/[^/]+/'), area_path),
       date_trunc('month', entry_date)::date, market, channel, destination, led_by, currency,
       sum(amount)
FROM business_sales
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE INDEX sales_month_totals_month ON sales_month_totals (month, program_id);
