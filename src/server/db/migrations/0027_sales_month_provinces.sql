-- The sales of a month per province (the first level of the tree), beside the per-regency summary
-- (0021, decision 013): what a national or a province read adds up. A year of a country per
-- regency is tens of thousands of summary rows (about 1.4 µs each to fold on PostgreSQL: 68 ms for
-- a national year at scale 0.1); per province it is a few thousand. Kept in the posting's own
-- statement by the same trigger as the regency rows, so a sale shows in the next read. A province
-- row is shared by the sales of one province, month, market, channel, destination and chair's sex:
-- there is no national row every sale would lock.
CREATE TABLE sales_month_provinces (
  program_id uuid NOT NULL,
  -- The group's area path cut after its first level: '/51/'.
  area_path text NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  market text NOT NULL,
  channel text NOT NULL,
  destination text NOT NULL,
  led_by text NOT NULL,
  currency text NOT NULL,
  amount numeric NOT NULL,
  PRIMARY KEY (program_id, area_path, month, market, channel, destination, led_by, currency)
);
CREATE INDEX sales_month_provinces_month ON sales_month_provinces (month, program_id);

-- The province summary, for readers: the area path is the province's.
CREATE VIEW business_sales_province_months AS
  SELECT program_id, area_path, month, market, channel, destination, led_by, currency, amount
  FROM sales_month_provinces;

-- One pass over the posted lines feeds both summaries: the regency rows first, then the province
-- rows, each in key order, so two postings lock rows in the same order and never deadlock.
CREATE OR REPLACE FUNCTION sales_month_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH sold AS (
    SELECT g.program_id, COALESCE(substring(g.area_path FROM '^/[^/]+/[^/]+/'), g.area_path) AS area_path,
           date_trunc('month', x.entry_date)::date AS month,
           COALESCE(COALESCE(o.details, e.details)->>'market', 'local') AS market,
           CASE WHEN COALESCE(o.source_type, e.source_type) = 'order' THEN 'order' ELSE 'one_tap' END AS channel,
           COALESCE(COALESCE(o.details, e.details)->>'destination', '') AS destination,
           COALESCE(e.led_by, '') AS led_by, b.currency, sum(x.credit - x.debit) AS amount
    FROM added x
    JOIN ledger_accounts a ON a.id = x.account_id AND a.role = 'sales'
    JOIN journal_entries e ON e.id = x.entry_id
    LEFT JOIN journal_entries o ON o.id = e.reverses_id
    JOIN ledger_books b ON b.group_id = x.group_id
    JOIN registry_groups g ON g.id = x.group_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ), regencies AS (
    INSERT INTO sales_month_totals AS t (program_id, area_path, month, market, channel, destination, led_by,
                                         currency, amount)
    SELECT * FROM sold
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (program_id, area_path, month, market, channel, destination, led_by, currency)
      DO UPDATE SET amount = t.amount + excluded.amount
  )
  INSERT INTO sales_month_provinces AS t (program_id, area_path, month, market, channel, destination, led_by,
                                          currency, amount)
  SELECT program_id, substring(area_path FROM '^/[^/]+/'), month, market, channel, destination, led_by, currency,
         sum(amount)
  FROM sold
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (program_id, area_path, month, market, channel, destination, led_by, currency)
    DO UPDATE SET amount = t.amount + excluded.amount;
  RETURN NULL;
END;
$$;

INSERT INTO sales_month_provinces (program_id, area_path, month, market, channel, destination, led_by, currency,
                                   amount)
SELECT program_id, substring(area_path FROM '^/[^/]+/'), month, market, channel, destination, led_by, currency,
       sum(amount)
FROM sales_month_totals
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
