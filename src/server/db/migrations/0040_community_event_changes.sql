-- Calling off a community event (issue #16): when it was called off (null: it stands), and the
-- iCalendar SEQUENCE, raised by every change people going must see, so calendar apps replace
-- their copy (a called-off event stays in the feeds as STATUS:CANCELLED).
ALTER TABLE community_events ADD COLUMN cancelled_at timestamptz;
ALTER TABLE community_events ADD COLUMN sequence integer NOT NULL DEFAULT 0;
