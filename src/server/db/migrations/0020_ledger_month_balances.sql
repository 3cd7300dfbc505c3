-- Each account's debits and credits per calendar month, so a statement reads whole months from
-- here and only the lines of its partial edge months from journal_lines (a statement at 100,000
-- lines no longer sums them all). Kept by the database itself: every insert into journal_lines,
-- whatever path writes it, adds its lines here in the same statement. Lines are never updated or
-- deleted (journal_lines_no_change refuses it; a correction is a reversing entry), so inserts are
-- the only change to follow.
CREATE TABLE ledger_month_balances (
  group_id uuid NOT NULL,
  account_id uuid NOT NULL REFERENCES ledger_accounts (id),
  -- The first day of the month.
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  debit numeric NOT NULL DEFAULT 0,
  credit numeric NOT NULL DEFAULT 0,
  PRIMARY KEY (group_id, account_id, month)
);

-- One grouped upsert per INSERT statement (a bulk insert of many lines costs one pass). The row
-- lock ON CONFLICT DO UPDATE takes makes two postings to one account and month add up, not
-- overwrite; rows are taken in key order so two bulk inserts cannot deadlock on each other.
CREATE FUNCTION ledger_month_balances_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_month_balances AS t (group_id, account_id, month, debit, credit)
  SELECT group_id, account_id, date_trunc('month', entry_date)::date, sum(debit), sum(credit)
  FROM added
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (group_id, account_id, month)
    DO UPDATE SET debit = t.debit + excluded.debit, credit = t.credit + excluded.credit;
  RETURN NULL;
END;
$$;
CREATE TRIGGER journal_lines_month_balances AFTER INSERT ON journal_lines
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_balances_add();

-- The lines already posted.
INSERT INTO ledger_month_balances (group_id, account_id, month, debit, credit)
SELECT group_id, account_id, date_trunc('month', entry_date)::date, sum(debit), sum(credit)
FROM journal_lines
GROUP BY 1, 2, 3;

-- The partial edge months of a statement: a group's lines in a range of dates, index-only.
CREATE INDEX journal_lines_group_date ON journal_lines (group_id, entry_date) INCLUDE (account_id, debit, credit);
