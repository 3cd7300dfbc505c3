-- SAK EMKM presentation: drawings, retained earnings and interest get statement lines of their own
-- (equity printed as Modal, Prive, Saldo laba; interest as beban keuangan). Books opened before keep
-- their accounts; only the line each template account adds up into moves.
UPDATE ledger_accounts SET line = 'drawings' WHERE role = 'drawings' AND line = 'equity';
UPDATE ledger_accounts SET line = 'retained_earnings' WHERE role = 'retained_earnings' AND line = 'equity';
UPDATE ledger_accounts SET line = 'finance_costs' WHERE role = 'interest' AND line = 'expenses';
