-- Sign-in throttling counts failures per (account, address), per address and per account, and
-- forgets them after a quiet window counted from the last failure (or the end of the last lock), so
-- a repeated lock grows longer instead of restarting.
ALTER TABLE sign_in_failures RENAME COLUMN window_started_at TO last_failed_at;
