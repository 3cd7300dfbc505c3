-- Platform: people brought in from the app. Many have a phone and no email, so an account has an
-- email, a phone number (E.164, '+62…'), or both; an invited account has no password until its
-- person sets one through the invitation link.
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD COLUMN phone text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$');
ALTER TABLE users ADD CONSTRAINT users_email_or_phone CHECK (email IS NOT NULL OR phone IS NOT NULL);
CREATE UNIQUE INDEX users_phone_key ON users (phone);

-- An invitation link: single use, expiring; only the SHA-256 of its secret is stored (as sessions).
-- At most one open link per account: inviting again replaces it.
CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  invited_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE UNIQUE INDEX invitations_open ON invitations (user_id) WHERE used_at IS NULL;

-- The accounts' read model gains the phone number (at the end: other modules' queries are unchanged).
CREATE OR REPLACE VIEW platform_accounts AS
  SELECT id, email, name, locale, disabled_at, phone FROM users;
