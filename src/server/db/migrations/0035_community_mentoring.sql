-- The community module, third slice (decision 019): mentoring (mentors, requests, sessions with
-- notes, follow-ups and feedback), success stories of producer groups, the joiner's sex for the
-- indicators, and the two facts the impact module reads (mentoring sessions, first answers).

-- A joiner may say their sex (optional): the indicators break mentoring and answers down by it.
ALTER TABLE community_joins ADD COLUMN sex text CHECK (sex IN ('female', 'male'));

-- A mentor's profile: a trainer of the program (mentors by role) says what and when they mentor.
CREATE TABLE community_mentors (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  topics text[] NOT NULL,
  languages text[] NOT NULL,
  availability text NOT NULL DEFAULT '',
  monthly_capacity integer NOT NULL CHECK (monthly_capacity BETWEEN 0 AND 100),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, user_id)
);

-- A request for mentoring on a topic by a welcomed member; accepted, it is a mentorship.
CREATE TABLE community_mentorships (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  mentor_id uuid NOT NULL REFERENCES community_mentors (id) ON DELETE CASCADE,
  mentee_id uuid NOT NULL REFERENCES users (id),
  -- The mentee's welcome: their village (the area the sessions count in) and their sex.
  join_id uuid NOT NULL REFERENCES community_joins (id),
  topic text NOT NULL,
  message text NOT NULL,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'declined')),
  decline_reason text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
);
CREATE INDEX community_mentorships_mentor ON community_mentorships (mentor_id, created_at);
CREATE INDEX community_mentorships_mentee ON community_mentorships (mentee_id, created_at);

-- A session held under an accepted mentorship: notes for the two (and the community manager), not public.
CREATE TABLE community_mentoring_sessions (
  id uuid PRIMARY KEY,
  mentorship_id uuid NOT NULL REFERENCES community_mentorships (id) ON DELETE CASCADE,
  held_on date NOT NULL,
  mode text NOT NULL CHECK (mode IN ('in_person', 'phone', 'online')),
  notes text NOT NULL DEFAULT '',
  feedback_rating integer CHECK (feedback_rating BETWEEN 1 AND 5),
  feedback_comment text,
  feedback_at timestamptz,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_mentoring_sessions_mentorship ON community_mentoring_sessions (mentorship_id, held_on);

CREATE TABLE community_follow_ups (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES community_mentoring_sessions (id) ON DELETE CASCADE,
  text text NOT NULL,
  done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_follow_ups_session ON community_follow_ups (session_id, created_at);

-- A producer group's success story, in id/en/ja, through draft → submitted → published (or back to draft).
CREATE TABLE community_stories (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  group_id uuid NOT NULL REFERENCES producer_groups (id) ON DELETE CASCADE,
  area_path text NOT NULL,
  title jsonb NOT NULL,
  body jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'published')),
  review_comment text,
  author_id uuid NOT NULL REFERENCES users (id),
  published_at timestamptz,
  published_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_stories_published ON community_stories (program_id, published_at DESC, id DESC)
  WHERE status = 'published';

CREATE TABLE community_story_photos (
  id uuid PRIMARY KEY,
  story_id uuid NOT NULL REFERENCES community_stories (id) ON DELETE CASCADE,
  content_type text NOT NULL,
  byte_size integer NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  storage_key text NOT NULL,
  thumbnail_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_story_photos_story ON community_story_photos (story_id, created_at);

-- community → impact: each mentoring session held, in the mentee's village, with the mentee's sex.
CREATE VIEW community_mentoring_facts AS
  SELECT s.id, m.program_id, j.area_path, s.held_on, COALESCE(j.sex, 'unknown') AS sex
  FROM community_mentoring_sessions s
  JOIN community_mentorships m ON m.id = s.mentorship_id
  JOIN community_joins j ON j.id = m.join_id;

-- community → impact: each question asked by a welcomed member, in their village, with their sex,
-- the day it was asked and the hours until the first visible reply by someone else (null: none yet).
CREATE VIEW community_first_answers AS
  SELECT t.id, t.program_id, j.area_path, COALESCE(j.sex, 'unknown') AS sex, t.created_at::date AS asked_on,
         (SELECT extract(epoch FROM min(p.created_at) - t.created_at) / 3600.0 FROM community_posts p
          WHERE p.thread_id = t.id AND p.id <> t.id AND p.author_id <> t.author_id AND p.hidden_at IS NULL)
           AS hours
  FROM community_threads t
  JOIN LATERAL (SELECT jj.area_path, jj.sex FROM community_joins jj
                WHERE jj.program_id = t.program_id AND jj.user_id = t.author_id AND jj.status = 'welcomed'
                ORDER BY jj.decided_at DESC LIMIT 1) j ON true
  WHERE t.kind = 'question';
