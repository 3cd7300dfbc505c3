-- "Naik kelas" (a group moving up a class) and income per member (docs/indicators.md): the facts the
-- quality and business modules publish for them, and each program's rule for what counts as moving up.

-- quality: each star rating a panel awarded a product, on the day it was finalised. A reopened
-- assessment has no stars (and is no award); one under appeal keeps its stars until decided.
CREATE VIEW quality_star_awards AS
  SELECT id, program_id, group_id, product_id, area_path, stars, finalised_at::date AS awarded_on
  FROM assessments
  WHERE status IN ('finalised', 'appealed') AND stars IS NOT NULL AND finalised_at IS NOT NULL;

-- business: the groups that keep books, with the books' currency (what a group's profit is counted in).
CREATE VIEW business_group_books AS
  SELECT b.group_id, g.program_id, g.area_path, b.currency
  FROM ledger_books b JOIN registry_groups g ON g.id = b.group_id;

-- impact: per program, which conditions make a group "naik kelas" in a period (at least one must
-- hold) and by how many percent its sales must grow on the same span a year before. No row: the
-- default rule, all four conditions and 20 %.
CREATE TABLE impact_class_rules (
  program_id uuid PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
  conditions text[] NOT NULL
    CHECK (cardinality(conditions) >= 1
      AND conditions <@ ARRAY['stars_up', 'new_certification', 'first_export', 'revenue_up']::text[]),
  revenue_growth_percent integer NOT NULL DEFAULT 20 CHECK (revenue_growth_percent BETWEEN 1 AND 1000),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- business: each line of a sales account with its group, day and market (a reversal carries the
-- original's market), ungrouped so a question about one group reads only that group's lines.
CREATE VIEW business_sales_lines AS
  SELECT l.entry_id, l.line_no, l.group_id, g.program_id, g.area_path, l.entry_date,
         COALESCE(COALESCE(o.details, e.details)->>'market', 'local') AS market,
         b.currency, l.credit - l.debit AS amount
  FROM journal_lines l
  JOIN ledger_accounts a ON a.id = l.account_id AND a.role = 'sales'
  JOIN journal_entries e ON e.id = l.entry_id
  LEFT JOIN journal_entries o ON o.id = e.reverses_id
  JOIN ledger_books b ON b.group_id = l.group_id
  JOIN registry_groups g ON g.id = l.group_id;
