-- Export trade: a quote and the order made from it are in the buyer's currency. `rate` is the
-- group's currency per one unit of the quote's, entered by whoever quoted (there is no live rate);
-- it is there exactly when the two currencies differ. The order keeps the total in the group's
-- currency, rounded once, as the books record the sale. `terms` are the trade terms (Incoterm 2020
-- rule and named place, freight, payment terms, lead time, minimum order, sample policy), written
-- through the shared schema and copied from the quote to the order.
ALTER TABLE quotes
  ADD COLUMN group_currency text,
  ADD COLUMN rate numeric CHECK (rate > 0),
  ADD COLUMN terms jsonb;
UPDATE quotes SET group_currency = currency;
ALTER TABLE quotes
  ALTER COLUMN group_currency SET NOT NULL,
  ADD CONSTRAINT quotes_rate_when_foreign CHECK ((rate IS NULL) = (currency = group_currency)),
  ADD CONSTRAINT quotes_incoterm CHECK (
    terms IS NULL OR terms->>'incoterm' IN ('EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF')
  );

ALTER TABLE orders
  ADD COLUMN group_currency text,
  ADD COLUMN rate numeric CHECK (rate > 0),
  ADD COLUMN group_total_minor bigint CHECK (group_total_minor >= 0),
  ADD COLUMN terms jsonb;
UPDATE orders SET group_currency = currency, group_total_minor = total_minor;
ALTER TABLE orders
  ALTER COLUMN group_currency SET NOT NULL,
  ALTER COLUMN group_total_minor SET NOT NULL,
  ADD CONSTRAINT orders_rate_when_foreign CHECK ((rate IS NULL) = (currency = group_currency)),
  ADD CONSTRAINT orders_incoterm CHECK (
    terms IS NULL OR terms->>'incoterm' IN ('EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF')
  );
