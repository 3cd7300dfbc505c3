-- Registry: a member record may be linked to the account its person signs in with, so an office
-- held in the group (chair, treasurer …) is known for the signed-in account, never guessed from a
-- name. One member record per account in a group.
ALTER TABLE members ADD COLUMN user_id uuid REFERENCES users (id);
CREATE UNIQUE INDEX members_account ON members (group_id, user_id) WHERE user_id IS NOT NULL;
