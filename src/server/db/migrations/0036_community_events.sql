-- The community module, events and announcements (decision 019): events of a program (fairs and
-- expos, training sessions linked to the training module, online meetings, field visits) with
-- RSVP, capacity and a first-come waitlist, door tickets checked in by QR, reminders, iCal feeds;
-- and announcements targeted by area, role or space, pinned, with who has read them.

-- A training session as other modules may read it (training's read model): what an event linked
-- to a session shows, read from the session every time, never copied.
CREATE VIEW training_session_schedule AS
  SELECT s.id, s.program_id, c.title, s.area_code, s.area_path, s.address, s.starts_on, s.ends_on, s.status
  FROM training_sessions s JOIN courses c ON c.id = s.course_id;

-- An event. A training session's event keeps only the session's id (its title, days and place are
-- the session's); the others keep their own. Times are instants with the time zone they are told
-- in; `area_path` ('' for none) places the event for the organisers' area scope.
CREATE TABLE community_events (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('fair_expo', 'training_session', 'online_meeting', 'field_visit')),
  training_session_id uuid REFERENCES training_sessions (id),
  title jsonb,
  description jsonb NOT NULL DEFAULT '{}',
  starts_at timestamptz,
  ends_at timestamptz,
  time_zone text NOT NULL,
  area_code text REFERENCES areas (code),
  area_path text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  url text,
  space_id uuid REFERENCES community_spaces (id),
  -- null: no limit
  capacity integer CHECK (capacity > 0),
  public boolean NOT NULL DEFAULT false,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'training_session') = (training_session_id IS NOT NULL)),
  CHECK (kind = 'training_session' OR (title IS NOT NULL AND starts_at IS NOT NULL AND ends_at > starts_at)),
  CHECK ((kind = 'online_meeting') = (url IS NOT NULL))
);
CREATE INDEX community_events_program ON community_events (program_id, starts_at, id);
CREATE INDEX community_events_space ON community_events (space_id) WHERE space_id IS NOT NULL;

-- The queue an RSVP takes its place in: a new "going" (or one given again after a cancel) comes last.
CREATE SEQUENCE community_event_rsvp_queue;

-- One RSVP per person per event. `queued` orders the waitlist (first come, first promoted); the
-- ticket code is what the door QR carries; `reminded_at` makes the day-before reminder once.
CREATE TABLE community_event_rsvps (
  event_id uuid NOT NULL REFERENCES community_events (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  status text NOT NULL CHECK (status IN ('going', 'waitlisted', 'not_going')),
  queued bigint NOT NULL DEFAULT nextval('community_event_rsvp_queue'),
  ticket_code text NOT NULL UNIQUE,
  checked_in_at timestamptz,
  checked_in_by uuid REFERENCES users (id),
  reminded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, user_id)
);
CREATE INDEX community_event_rsvps_queue ON community_event_rsvps (event_id, status, queued);
CREATE INDEX community_event_rsvps_user ON community_event_rsvps (user_id) WHERE status = 'going';

-- A calendar feed's secret, one per account: only its hash is kept; a new one replaces the old.
CREATE TABLE community_calendar_feeds (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- An announcement of the program, to everyone in its community or to one target: an area subtree
-- (members whose village is in it), a role (staff holding it in the program, or 'member'), a space.
CREATE TABLE community_announcements (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  title jsonb NOT NULL,
  body jsonb NOT NULL,
  target_area_code text REFERENCES areas (code),
  -- the target area's path; for the others, the place that decides who may write it ('' the program)
  target_path text NOT NULL DEFAULT '',
  target_role text,
  target_space_id uuid REFERENCES community_spaces (id),
  pinned boolean NOT NULL DEFAULT false,
  author_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((target_area_code IS NOT NULL)::int + (target_role IS NOT NULL)::int + (target_space_id IS NOT NULL)::int <= 1)
);
CREATE INDEX community_announcements_program ON community_announcements (program_id, pinned DESC, created_at DESC);

CREATE TABLE community_announcement_reads (
  announcement_id uuid NOT NULL REFERENCES community_announcements (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (announcement_id, user_id)
);
