-- Community posts (issue #16): photos on threads and replies, and search over replies.

-- Up to four photos on a post (opening post or reply), stored as story photos are (WebP and a
-- thumbnail) but in a private folder: `posts/<post id>/<photo id>.webp`, served to whoever may read
-- the post. A deleted post takes its rows with it; a hidden post hides them.
CREATE TABLE community_post_photos (
  id uuid PRIMARY KEY,
  post_id uuid NOT NULL REFERENCES community_posts (id) ON DELETE CASCADE,
  content_type text NOT NULL,
  byte_size integer NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  storage_key text NOT NULL UNIQUE,
  thumbnail_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_post_photos_post ON community_post_photos (post_id, created_at, id);

-- A thread's search text: its title, then its opening text and each visible reply (in the order
-- written), each followed by its stored translations. A hidden reply's words find nothing; the
-- opening post stays (a hidden thread is left out of search by its opening post's state).
-- Recomputed by the service whenever a post is added, hidden, restored or translated; the GIN
-- full-text document (search_doc, 0041) follows as a generated column.
CREATE FUNCTION community_thread_search_text(thread uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT lower(t.title || coalesce((
    SELECT string_agg(' ' || p.body || coalesce((
      SELECT string_agg(' ' || coalesce(tr.title, '') || ' ' || tr.body, '' ORDER BY tr.language)
      FROM community_post_translations tr WHERE tr.post_id = p.id), ''), '' ORDER BY p.id = t.id DESC, p.created_at, p.id)
    FROM community_posts p WHERE p.thread_id = t.id AND (p.hidden_at IS NULL OR p.id = t.id)), ''))
  FROM community_threads t WHERE t.id = thread
$$;

UPDATE community_threads t SET search_text = community_thread_search_text(t.id)
WHERE EXISTS (SELECT 1 FROM community_posts p WHERE p.thread_id = t.id AND p.id <> t.id AND p.hidden_at IS NULL);

INSERT INTO community_words (program_id, word)
SELECT DISTINCT t.program_id, w.word
FROM community_threads t, regexp_split_to_table(t.search_text, '[^a-z0-9]+') AS w(word)
WHERE length(w.word) BETWEEN 3 AND 60
  AND EXISTS (SELECT 1 FROM community_posts p WHERE p.thread_id = t.id AND p.id <> t.id AND p.hidden_at IS NULL)
ON CONFLICT DO NOTHING;
