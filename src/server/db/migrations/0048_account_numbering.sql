-- A country's own account numbering (Vietnam's Circular 132/2018: 111, 642, 6421 …) beside OVOP's
-- `N-NNN` classes. The class is no longer read from the code's first digit alone: ledger_accounts.type,
-- stored since 0007, is the class (from the country pack's numbering when the account was made).
ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_code_check;
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_code_check
  CHECK (code ~ '^([1-6]-[0-9]{3}|[1-9][0-9]{2,5})$');
