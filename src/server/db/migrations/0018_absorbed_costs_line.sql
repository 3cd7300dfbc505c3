-- Labour and overhead absorbed into finished goods offset the wages and overhead they came from:
-- they are shown under operating expenses, so cost of goods sold carries the goods' full cost and
-- gross profit is never above revenue. Only the statement line of the two contra accounts moves.
UPDATE ledger_accounts SET line = 'expenses' WHERE role IN ('labour_absorbed', 'overhead_absorbed') AND line = 'cost_of_goods';
