-- The community at national scale (issue #16): a space's thread list and search stay fast at
-- 100,000 members and 1,000,000 posts.

-- A thread's visible replies, kept on its row: the list read them with a count per thread.
-- last_activity_at becomes exactly the newest visible post's time (the opening post's at least).
-- Both are kept by statement triggers on community_posts, in the same transaction as a reply is
-- written, hidden, restored or deleted. Written posts are added from the transition table alone
-- (a bulk load of a million posts reads nothing else); a hide, restore or delete recounts the
-- threads it touched from their posts (community_posts_thread). The kept values equal a recount
-- (threads.property.test.ts).
ALTER TABLE community_threads ADD COLUMN reply_count integer NOT NULL DEFAULT 0;

CREATE FUNCTION community_threads_add_posts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE community_threads t
  SET reply_count = t.reply_count + c.replies, last_activity_at = greatest(t.last_activity_at, c.newest)
  FROM (SELECT thread_id, count(*) FILTER (WHERE id <> thread_id AND hidden_at IS NULL)::int AS replies,
               max(created_at) FILTER (WHERE id <> thread_id AND hidden_at IS NULL) AS newest
        FROM changed GROUP BY thread_id) c
  WHERE t.id = c.thread_id AND (c.replies > 0 OR c.newest > t.last_activity_at);
  RETURN NULL;
END;
$$;
CREATE FUNCTION community_threads_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE community_threads t
  SET (reply_count, last_activity_at) = (
    SELECT count(*)::int, greatest(t.created_at, max(p.created_at))
    FROM community_posts p WHERE p.thread_id = t.id AND p.id <> t.id AND p.hidden_at IS NULL)
  WHERE t.id IN (SELECT DISTINCT thread_id FROM changed);
  RETURN NULL;
END;
$$;
CREATE TRIGGER community_posts_recount_insert AFTER INSERT ON community_posts
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION community_threads_add_posts();
CREATE TRIGGER community_posts_recount_update AFTER UPDATE ON community_posts
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION community_threads_recount();
CREATE TRIGGER community_posts_recount_delete AFTER DELETE ON community_posts
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION community_threads_recount();

UPDATE community_threads t
SET (reply_count, last_activity_at) = (
  SELECT count(*)::int, greatest(t.created_at, max(p.created_at))
  FROM community_posts p WHERE p.thread_id = t.id AND p.id <> t.id AND p.hidden_at IS NULL);

-- Search by whole words (and their beginnings) through a full-text document of the title and
-- opening text, 'simple' configuration (no stemming: the text is in id, en or ja), GIN-indexed:
-- the trigram index over every thread's text had to recheck and sort every thread holding a
-- common word. Typos are still forgiven through community_words' trigram index (a small list, as
-- catalog_words). Japanese has no spaces between words: its words are still found inside the text
-- by LIKE over search_text (community_threads_search).
ALTER TABLE community_threads ADD COLUMN search_doc tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED;
CREATE INDEX community_threads_doc ON community_threads USING gin (search_doc) WITH (fastupdate = off);
-- The program's threads in activity order: a search for a common word walks them newest first
-- and stops at the page's end instead of sorting every match.
CREATE INDEX community_threads_program_activity ON community_threads (program_id, last_activity_at DESC, id DESC);
