-- Certifications, training and the market as facts a program reports (docs/indicators.md): the quality,
-- training and market modules publish them here; the impact module reads these views, never their tables.

-- quality: each certification of a group or product, with its kind and the days it holds.
CREATE VIEW quality_certifications AS
  SELECT id, program_id, group_id, product_id, area_path, kind, issued_on, expires_on
  FROM certifications;

-- training: each place taken in a session that runs (not waitlisted, not cancelled), with the
-- session's first day and its course's topic.
CREATE VIEW training_participations AS
  SELECT e.id, e.member_id, e.program_id, e.group_id, e.area_path, s.starts_on, c.topic
  FROM enrolments e
  JOIN training_sessions s ON s.id = e.session_id
  JOIN courses c ON c.id = s.course_id
  WHERE e.status = 'enrolled' AND s.status = 'scheduled';

-- training: each certificate of completion that stands (a withdrawn or revoked one does not), on the
-- day it was issued.
CREATE VIEW training_completions AS
  SELECT id, member_id, program_id, group_id, area_path, topic, issued_at::date AS issued_on
  FROM training_certificates
  WHERE revoked_at IS NULL;

-- market: each buyer's inquiry with the day it came and the day its first quote went out, and each
-- order with the day it was placed and its market. Buyers appear by id only, to count them.
CREATE VIEW market_inquiries AS
  SELECT i.id, i.program_id, i.group_id, i.area_path, i.buyer_id, i.created_at::date AS received_on,
         (SELECT min(q.created_at)::date FROM quotes q WHERE q.inquiry_id = i.id) AS quoted_on
  FROM inquiries i;
CREATE VIEW market_orders AS
  SELECT id, program_id, group_id, area_path, buyer_id, market, status, placed_at::date AS placed_on
  FROM orders;

-- business: each group's profit (revenue less the cost of goods sold and expenses, as its income
-- statement shows it) per month from the month balances the books keep, and per entry for periods
-- that start or end inside a month. Money in minor units of the books' currency.
CREATE VIEW business_profit_months AS
  SELECT m.group_id, g.program_id, g.area_path, m.month, b.currency, sum(m.credit - m.debit) AS amount
  FROM ledger_month_balances m
  JOIN ledger_accounts a ON a.id = m.account_id AND a.type IN ('revenue', 'cost_of_goods', 'expense')
  JOIN ledger_books b ON b.group_id = m.group_id
  JOIN registry_groups g ON g.id = m.group_id
  GROUP BY m.group_id, g.program_id, g.area_path, m.month, b.currency;
CREATE VIEW business_profit_entries AS
  SELECT l.entry_id, l.group_id, g.program_id, g.area_path, l.entry_date, b.currency, sum(l.credit - l.debit) AS amount
  FROM journal_lines l
  JOIN ledger_accounts a ON a.id = l.account_id AND a.type IN ('revenue', 'cost_of_goods', 'expense')
  JOIN ledger_books b ON b.group_id = l.group_id
  JOIN registry_groups g ON g.id = l.group_id
  GROUP BY l.entry_id, l.group_id, g.program_id, g.area_path, l.entry_date, b.currency;
