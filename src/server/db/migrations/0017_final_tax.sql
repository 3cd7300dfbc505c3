-- The UMKM final tax (PPh final 0.5 % of gross turnover, PP 55/2022) as a choice of each group's
-- books: the first day of the first month it applies to, or null when the group does not use it
-- (the default). Month by month the tax on revenue is posted Dr beban pajak / Cr utang pajak.
ALTER TABLE ledger_books ADD COLUMN final_tax_from date;
