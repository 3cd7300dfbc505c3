-- A program's story templates (issue #19): the sections a success story tells — a heading and a
-- prompt for the writer each, in the program's languages — copied between programs and
-- installations as a file (decision 027). A story records the template it started from.
CREATE TABLE community_story_templates (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  definition jsonb NOT NULL,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_story_templates_program ON community_story_templates (program_id, created_at);

ALTER TABLE community_stories ADD COLUMN template_id uuid REFERENCES community_story_templates (id) ON DELETE SET NULL;
