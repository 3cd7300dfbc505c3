-- Training (DESIGN §3.5): courses of a program, sessions that run them at a place and dates,
-- enrolment with a waitlist, attendance per day, pre/post test attempts, and certificates.

CREATE TABLE courses (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id),
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  -- One of the shipped topics (marketing, accounting, …) or the program's own slug.
  topic text NOT NULL,
  duration_hours integer NOT NULL CHECK (duration_hours > 0),
  links jsonb NOT NULL DEFAULT '[]',
  files jsonb NOT NULL DEFAULT '[]',
  -- Questions with their choices and the index of the right one; never sent to participants.
  pre_test jsonb,
  post_test jsonb,
  min_attendance_percent integer NOT NULL CHECK (min_attendance_percent BETWEEN 0 AND 100),
  min_post_test_percent integer NOT NULL CHECK (min_post_test_percent BETWEEN 0 AND 100),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX courses_program ON courses (program_id, id);

CREATE TABLE training_sessions (
  id uuid PRIMARY KEY,
  course_id uuid NOT NULL REFERENCES courses (id),
  program_id uuid NOT NULL REFERENCES programs (id),
  area_code text NOT NULL REFERENCES areas (code),
  area_path text NOT NULL,
  address text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  trainer_id uuid NOT NULL REFERENCES users (id),
  capacity integer NOT NULL CHECK (capacity > 0),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX training_sessions_program ON training_sessions (program_id, starts_on, id);
CREATE INDEX training_sessions_trainer ON training_sessions (trainer_id);

-- `seq` orders the waitlist: first come, first promoted.
CREATE TABLE enrolments (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  session_id uuid NOT NULL REFERENCES training_sessions (id),
  member_id uuid NOT NULL REFERENCES members (id),
  program_id uuid NOT NULL REFERENCES programs (id),
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  area_path text NOT NULL,
  status text NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'cancelled')),
  -- Who acted; the system actor (seed, CLI) is no user row, as in the audit log.
  enrolled_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX enrolments_active ON enrolments (session_id, member_id) WHERE status <> 'cancelled';
CREATE INDEX enrolments_session ON enrolments (session_id, status, seq);
CREATE INDEX enrolments_member ON enrolments (member_id);

-- One row per participant and day: a retried PUT overwrites the same row. `marked_at` is when the
-- mark was made (the phone's tap), so a retry that arrives late never overwrites a newer mark.
CREATE TABLE attendance (
  enrolment_id uuid NOT NULL REFERENCES enrolments (id),
  day date NOT NULL,
  present boolean NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enrolment_id, day)
);

CREATE TABLE test_attempts (
  id uuid PRIMARY KEY,
  enrolment_id uuid NOT NULL REFERENCES enrolments (id),
  kind text NOT NULL CHECK (kind IN ('pre', 'post')),
  answers jsonb NOT NULL,
  correct integer NOT NULL,
  total integer NOT NULL CHECK (total > 0),
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX test_attempts_enrolment ON test_attempts (enrolment_id, kind);

-- What the certificate prints is kept as printed: a later rename does not change an issued paper.
-- An enrolment holds at most one valid certificate. One withdrawn by hand ('withdrawn') stays so; one
-- revoked because the participant no longer completes ('no_longer_complete') gives way to a new one
-- if they complete again.
CREATE TABLE training_certificates (
  id uuid PRIMARY KEY,
  enrolment_id uuid NOT NULL REFERENCES enrolments (id),
  session_id uuid NOT NULL REFERENCES training_sessions (id),
  member_id uuid NOT NULL REFERENCES members (id),
  program_id uuid NOT NULL REFERENCES programs (id),
  group_id uuid NOT NULL REFERENCES producer_groups (id),
  area_path text NOT NULL,
  verification_code text NOT NULL UNIQUE,
  participant_name text NOT NULL,
  course_title jsonb NOT NULL,
  topic text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  trainer_name text NOT NULL,
  program_name text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_reason text CHECK (revoked_reason IN ('withdrawn', 'no_longer_complete')),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE UNIQUE INDEX training_certificates_valid ON training_certificates (enrolment_id) WHERE revoked_at IS NULL;
CREATE INDEX training_certificates_enrolment ON training_certificates (enrolment_id);
CREATE INDEX training_certificates_scope ON training_certificates (program_id, area_path text_pattern_ops);
CREATE INDEX training_certificates_member ON training_certificates (member_id);
CREATE INDEX training_certificates_group ON training_certificates (group_id);
