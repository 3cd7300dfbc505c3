-- A member's public page (issue #16): what she offers, and which of her fields anyone may read.
-- Nothing is public by default but her name and village (the page itself); each field she turns on
-- is listed here. One row per welcomed join (her membership of a program's community).
CREATE TABLE community_profiles (
  join_id uuid PRIMARY KEY REFERENCES community_joins (id) ON DELETE CASCADE,
  offers text NOT NULL DEFAULT '',
  public_fields text[] NOT NULL DEFAULT '{}'
    CHECK (public_fields <@ ARRAY['business', 'offers', 'phone', 'email', 'group']::text[]),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Why an organiser called an event off, told on its pages and in the notice (empty: not said).
ALTER TABLE community_events ADD COLUMN cancel_reason text NOT NULL DEFAULT '';
