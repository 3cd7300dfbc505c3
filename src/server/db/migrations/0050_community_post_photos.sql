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
-- opening post stays (a hidden thread is left out of search by its opening post's state). The GIN
-- full-text document (search_doc, 0041) follows as a generated column.
CREATE FUNCTION community_thread_search_text(thread uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT lower(t.title || coalesce((
    SELECT string_agg(' ' || p.body || coalesce((
      SELECT string_agg(' ' || coalesce(tr.title, '') || ' ' || tr.body, '' ORDER BY tr.language)
      FROM community_post_translations tr WHERE tr.post_id = p.id), ''), '' ORDER BY p.id = t.id DESC, p.created_at, p.id)
    FROM community_posts p WHERE p.thread_id = t.id AND (p.hidden_at IS NULL OR p.id = t.id)), ''))
  FROM community_threads t WHERE t.id = thread
$$;

-- The threads' search text again, and the program's words from it (the insert trigger of 0030 adds
-- words of new threads only; a word once known stays, as in catalog_words).
CREATE FUNCTION community_threads_refresh_search(threads uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE community_threads t SET search_text = community_thread_search_text(t.id)
  WHERE t.id = ANY(threads) AND t.search_text IS DISTINCT FROM community_thread_search_text(t.id);
  INSERT INTO community_words (program_id, word)
  SELECT DISTINCT t.program_id, w.word
  FROM community_threads t, regexp_split_to_table(t.search_text, '[^a-z0-9]+') AS w(word)
  WHERE t.id = ANY(threads) AND length(w.word) BETWEEN 3 AND 60
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
END;
$$;

-- Kept in the transaction of the change: a post's text edited, hidden or restored, a post deleted,
-- a translation stored, changed or removed. A new reply is added by the service that writes it
-- (threadsRepository.refreshSearchText): a bulk load of posts reads nothing else (0041).
CREATE FUNCTION community_posts_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM community_threads_refresh_search(ARRAY(
    SELECT DISTINCT n.thread_id FROM changed n JOIN former o ON o.id = n.id
    WHERE n.body IS DISTINCT FROM o.body OR (n.hidden_at IS NULL) <> (o.hidden_at IS NULL)));
  RETURN NULL;
END;
$$;
CREATE FUNCTION community_posts_search_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM community_threads_refresh_search(ARRAY(SELECT DISTINCT thread_id FROM changed));
  RETURN NULL;
END;
$$;
CREATE FUNCTION community_translations_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM community_threads_refresh_search(ARRAY(
    SELECT DISTINCT p.thread_id FROM changed c JOIN community_posts p ON p.id = c.post_id));
  RETURN NULL;
END;
$$;
CREATE TRIGGER community_posts_search_update AFTER UPDATE ON community_posts
  REFERENCING OLD TABLE AS former NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION community_posts_search_changed();
CREATE TRIGGER community_posts_search_delete AFTER DELETE ON community_posts
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION community_posts_search_deleted();
CREATE TRIGGER community_translations_search_insert AFTER INSERT ON community_post_translations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION community_translations_search_changed();
CREATE TRIGGER community_translations_search_update AFTER UPDATE ON community_post_translations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION community_translations_search_changed();
CREATE TRIGGER community_translations_search_delete AFTER DELETE ON community_post_translations
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION community_translations_search_changed();

SELECT community_threads_refresh_search(ARRAY(
  SELECT DISTINCT thread_id FROM community_posts WHERE id <> thread_id AND hidden_at IS NULL));
