-- Registry facts a program reports on (issue 17): a program's minimum age for members, disability by
-- the Washington Group short set, more kinds of producer group and several legal ids per group.

-- programs: the youngest a member may be, in whole years (the year difference from the birth year,
-- checked when a member is added or their birth year changes). 15 by default: Indonesia's working-age
-- population is counted from 15 (BPS, Sakernas).
ALTER TABLE programs ADD COLUMN member_min_age smallint NOT NULL DEFAULT 15
  CHECK (member_min_age BETWEEN 0 AND 99);

CREATE OR REPLACE VIEW programs_programs AS
  SELECT id, code, name, country, currency, locales, started_on, member_min_age FROM programs;

-- members: the Washington Group short set on functioning (washingtongroup-disability.com), one
-- answer per domain, each optional (null: not asked or not answered).
--
-- How the old `disability` boolean is read: rows written before this migration have no answers, and
-- their boolean stays what was typed (a hand-set value). Once any domain is answered, the boolean is
-- derived by the WG cut-off: true when any domain is 'a_lot_of_difficulty' or 'cannot_do_at_all'.
-- The CHECK keeps that true for every row with answers, so the impact module's disability
-- breakdowns (which read `disability` through registry_members) count the same people the answers do.
ALTER TABLE members
  ADD COLUMN wg_seeing text,
  ADD COLUMN wg_hearing text,
  ADD COLUMN wg_walking text,
  ADD COLUMN wg_cognition text,
  ADD COLUMN wg_self_care text,
  ADD COLUMN wg_communication text;
ALTER TABLE members ADD CONSTRAINT members_wg_answers CHECK (
  array_remove(ARRAY[wg_seeing, wg_hearing, wg_walking, wg_cognition, wg_self_care, wg_communication], NULL)
    <@ ARRAY['no_difficulty', 'some_difficulty', 'a_lot_of_difficulty', 'cannot_do_at_all']
);
ALTER TABLE members ADD CONSTRAINT members_wg_disability CHECK (
  num_nonnulls(wg_seeing, wg_hearing, wg_walking, wg_cognition, wg_self_care, wg_communication) = 0
  OR disability = (ARRAY[wg_seeing, wg_hearing, wg_walking, wg_cognition, wg_self_care, wg_communication]
                   && ARRAY['a_lot_of_difficulty', 'cannot_do_at_all'])
);

-- producer_groups: kinds of Indonesian groups (Gapoktan, KUB, Pokdarwis). Koperasi and BUMDes were
-- kinds already ('cooperative', 'bumdes'); an UMKM is the 'enterprise' kind (one business actor with
-- its NIB), so no second code splits the count of groups by kind.
ALTER TABLE producer_groups DROP CONSTRAINT producer_groups_kind_check;
ALTER TABLE producer_groups ADD CONSTRAINT producer_groups_kind_check CHECK (kind IN (
  'women_group', 'cooperative', 'bumdes', 'farmer_group', 'enterprise', 'gapoktan', 'kub', 'pokdarwis'
));

-- A group's legal ids: [{kind, number, issuedOn?}], kinds nib, akta_notaris (akta pendirian),
-- sk_kemenkumham, perdes (the Peraturan Desa that founds a BUMDes) and other. JSON rather than a
-- child table: they are few, always read and written whole with the group (one version, one audit
-- entry, one comparison when a create is replayed) and never searched across groups, except the
-- NIB, which keeps its own column: `nib` becomes the NIB taken from the list, so what read it
-- (the Kemenperin NIB gate, the notes to the statements) reads it as before.
ALTER TABLE producer_groups ADD COLUMN legal_ids jsonb NOT NULL DEFAULT '[]'
  CHECK (jsonb_typeof(legal_ids) = 'array');
UPDATE producer_groups SET legal_ids = jsonb_build_array(jsonb_build_object('kind', 'nib', 'number', nib, 'issuedOn', NULL))
  WHERE nib IS NOT NULL;
ALTER TABLE producer_groups DROP COLUMN nib;
ALTER TABLE producer_groups ADD COLUMN nib text
  GENERATED ALWAYS AS (jsonb_path_query_first(legal_ids, '$[*] ? (@.kind == "nib").number') #>> '{}') STORED;
-- One NIB per group: OSS gives a business actor one NIB.
ALTER TABLE producer_groups ADD CONSTRAINT producer_groups_one_nib
  CHECK (jsonb_array_length(jsonb_path_query_array(legal_ids, '$[*] ? (@.kind == "nib")')) <= 1);
