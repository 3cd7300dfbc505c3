-- A member's national id is no longer unique per group: the unique index answered "this NIK is
-- registered here" to anyone who could add a member, masked readers included. Those who see NIKs in
-- clear are still refused a duplicate (members.service.ts); entries by others are kept and flagged.
DROP INDEX members_national_id;
CREATE INDEX members_national_id ON members (group_id, national_id_hash) WHERE national_id_hash IS NOT NULL;
