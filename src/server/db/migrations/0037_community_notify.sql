-- Notifications' delivery choices and the community's moderation, completed (decisions 019, 020):
-- a per-user email choice (immediate, daily or weekly digest, none) with the notifications a
-- digest still owes, Web Push subscriptions, and in the community mutes and suspensions for a
-- time, moderators per space and a report queue.

-- How a user wants to hear: no row is the default (immediate email, push on).
CREATE TABLE notification_preferences (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  email text NOT NULL DEFAULT 'immediate' CHECK (email IN ('immediate', 'daily', 'weekly', 'none')),
  push boolean NOT NULL DEFAULT true,
  -- When the last digest was written: the next is due a day or a week after it.
  last_digest_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A notification still owed to a digest carries the line it will show there (in the recipient's
-- language, written when it was made); a digest clears it. A push still owed carries its text the
-- same way; the sender clears it.
ALTER TABLE notifications ADD COLUMN digest_line text;
ALTER TABLE notifications ADD COLUMN push_text text;
CREATE INDEX notifications_digest_due ON notifications (user_id, id) WHERE digest_line IS NOT NULL;
CREATE INDEX notifications_push_due ON notifications (id) WHERE push_text IS NOT NULL;

-- A browser's PushSubscription (its endpoint and keys): removed when the push service answers
-- 404 or 410, or when the user turns push off on that browser.
CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  endpoint text NOT NULL UNIQUE,
  p256dh text NOT NULL,
  auth text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sent_at timestamptz,
  failures integer NOT NULL DEFAULT 0
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);

-- The server's VAPID key pair when none is configured: made once, kept (the private key encrypted).
CREATE TABLE push_vapid_keys (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A member muted (reads, does not post) or suspended (neither) in a program's community until a
-- time; lifted early by a moderator. In force while now < ends_at and it is not lifted.
CREATE TABLE community_sanctions (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('mute', 'suspend')),
  reason text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  created_by uuid NOT NULL REFERENCES users (id),
  lifted_at timestamptz,
  lifted_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_sanctions_user ON community_sanctions (program_id, user_id, ends_at);

-- A member a community manager appointed to moderate one space (hide, restore, lock there only).
CREATE TABLE community_space_moderators (
  space_id uuid NOT NULL REFERENCES community_spaces (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  appointed_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX community_space_moderators_user ON community_space_moderators (user_id);

-- A report stays open until a moderator hides the post or dismisses the reports.
ALTER TABLE community_reports ADD COLUMN resolved_at timestamptz;
ALTER TABLE community_reports ADD COLUMN resolved_by uuid REFERENCES users (id);
CREATE INDEX community_reports_open ON community_reports (post_id) WHERE resolved_at IS NULL;

-- The moderation log also records actions on members and appointments (no thread then).
ALTER TABLE community_moderation_log DROP CONSTRAINT IF EXISTS community_moderation_log_action_check;
ALTER TABLE community_moderation_log ADD CONSTRAINT community_moderation_log_action_check CHECK (action IN ('hide',
  'restore', 'lock', 'unlock', 'dismiss', 'mute', 'suspend', 'lift', 'appoint', 'remove-moderator'));
ALTER TABLE community_moderation_log ALTER COLUMN thread_id DROP NOT NULL;
ALTER TABLE community_moderation_log ADD COLUMN user_id uuid REFERENCES users (id);
ALTER TABLE community_moderation_log ADD COLUMN space_id uuid REFERENCES community_spaces (id) ON DELETE CASCADE;
