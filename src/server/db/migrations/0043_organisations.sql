-- Organisations (decision 027): an agency that runs programs in several countries and sees them side
-- by side. A platform admin makes one, names its member programs and grants people on it; its own
-- admins enter the exchange rates its reporting currency is read at. Nothing here reaches into a
-- program: a grant on an organisation is no grant on its programs.
CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  reporting_currency text NOT NULL CHECK (reporting_currency ~ '^[A-Z]{3}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisation_programs (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  program_id uuid NOT NULL REFERENCES programs (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, program_id)
);

-- 'organisation_admin' enters rates; 'agency_viewer' reads the side-by-side view.
CREATE TABLE organisation_members (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('organisation_admin', 'agency_viewer')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_members_user ON organisation_members (user_id);

-- Rates as the organisation entered them, never fetched: units of the reporting currency per one
-- unit of `currency`, dated. Kept as the exact decimal text typed; a later rate of the same date
-- replaces it (the audit log keeps the one before).
CREATE TABLE organisation_rates (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  as_of date NOT NULL,
  rate text NOT NULL CHECK (rate ~ '^[0-9]{1,12}(\.[0-9]{1,12})?$'),
  entered_by uuid REFERENCES users (id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, currency, as_of)
);
