-- The community module, second slice (decision 019): spaces, threads and replies, Q&A, helpful,
-- follows, search, and the first moderation (hide/restore, lock, reports, the moderation log).

-- A space of a program: a topic (packaging, marketing, …) or an area (a province or a regency).
-- Who is in an area space is not stored: a welcomed member is in the spaces of the areas on their
-- village's path (community_joins.area_path), found by a query.
CREATE TABLE community_spaces (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('topic', 'area')),
  topic text,
  area_code text REFERENCES areas (code),
  -- The area's path (above every area for a topic space: ''), for the moderators' area scope.
  area_path text NOT NULL DEFAULT '',
  name jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'topic') = (topic IS NOT NULL) AND (kind = 'area') = (area_code IS NOT NULL)),
  UNIQUE (program_id, topic),
  UNIQUE (program_id, area_code)
);

-- A thread: its title and kind; its opening post is the community_posts row with the thread's id.
CREATE TABLE community_threads (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  space_id uuid NOT NULL REFERENCES community_spaces (id) ON DELETE CASCADE,
  author_id uuid NOT NULL REFERENCES users (id),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('discussion', 'question')),
  language text NOT NULL CHECK (language IN ('id', 'en', 'ja')),
  accepted_post_id uuid,
  locked_at timestamptz,
  -- The newest visible post's time: the space's list is sorted by it.
  last_activity_at timestamptz NOT NULL,
  -- Lower-cased title and opening text, for search (as products.search_text).
  search_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_threads_activity ON community_threads (space_id, last_activity_at DESC, id DESC);
CREATE INDEX community_threads_search ON community_threads USING gin (search_text gin_trgm_ops)
  WITH (fastupdate = off);
CREATE INDEX community_threads_author ON community_threads (author_id, created_at);

-- A post: a thread's opening text (id = the thread's id) or a reply. Hidden posts stay, marked.
CREATE TABLE community_posts (
  id uuid PRIMARY KEY,
  thread_id uuid NOT NULL REFERENCES community_threads (id) ON DELETE CASCADE,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  author_id uuid NOT NULL REFERENCES users (id),
  body text NOT NULL,
  hidden_at timestamptz,
  hidden_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_posts_thread ON community_posts (thread_id, created_at, id);
ALTER TABLE community_threads ADD FOREIGN KEY (accepted_post_id) REFERENCES community_posts (id);

-- "Helpful": one per person per post.
CREATE TABLE community_helpful (
  post_id uuid NOT NULL REFERENCES community_posts (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, user_id)
);

CREATE TABLE community_follows (
  thread_id uuid NOT NULL REFERENCES community_threads (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (thread_id, user_id)
);

-- A report of a post: one per person per post.
CREATE TABLE community_reports (
  post_id uuid NOT NULL REFERENCES community_posts (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  reason text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, user_id)
);

-- What moderators did, for the community to read (the audit log keeps the same for the platform).
CREATE TABLE community_moderation_log (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  actor_id uuid NOT NULL REFERENCES users (id),
  action text NOT NULL CHECK (action IN ('hide', 'restore', 'lock', 'unlock')),
  thread_id uuid NOT NULL REFERENCES community_threads (id) ON DELETE CASCADE,
  post_id uuid REFERENCES community_posts (id) ON DELETE CASCADE,
  reason text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_moderation_log_program ON community_moderation_log (program_id, created_at);

-- The distinct words of a program's threads, for forgiving search (as catalog_words, 0004).
CREATE TABLE community_words (
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  word text NOT NULL,
  PRIMARY KEY (program_id, word)
);
CREATE INDEX community_words_trgm ON community_words USING gin (word gin_trgm_ops) WITH (fastupdate = off);

CREATE FUNCTION community_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO community_words (program_id, word)
  SELECT DISTINCT changed.program_id, w.word
  FROM changed, regexp_split_to_table(changed.search_text, '[^a-z0-9]+') AS w(word)
  WHERE length(w.word) BETWEEN 3 AND 60
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER community_threads_words_insert AFTER INSERT ON community_threads
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION community_words_add();

-- Joins: who a welcomed account is, per program.
CREATE INDEX community_joins_user ON community_joins (user_id, program_id) WHERE status = 'welcomed';
