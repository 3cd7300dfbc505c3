-- Community posts: each post's language, and translations stored by its author or a moderator of
-- its space (no outside translation service is reachable). A reader whose language has a stored
-- translation is shown it, with the original a tap away; search finds a thread by its translations.

-- A post's language, set at writing (the thread's for its opening post and for older replies).
ALTER TABLE community_posts ADD COLUMN language text;
UPDATE community_posts p SET language = t.language FROM community_threads t WHERE t.id = p.thread_id;
ALTER TABLE community_posts ALTER COLUMN language SET NOT NULL;
ALTER TABLE community_posts ADD CHECK (language IN ('id', 'en', 'ja'));

-- One translation per post and language; the opening post's carries the thread's title too.
CREATE TABLE community_post_translations (
  post_id uuid NOT NULL REFERENCES community_posts (id) ON DELETE CASCADE,
  language text NOT NULL CHECK (language IN ('id', 'en', 'ja')),
  title text,
  body text NOT NULL,
  added_by uuid NOT NULL REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, language)
);
