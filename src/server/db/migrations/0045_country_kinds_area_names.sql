-- The kinds the Japanese, Kenyan and Kyrgyz packs bring: the JAS mark and a food business licence
-- under the Food Sanitation Act, KEBS's standardization mark and diamond mark, and the EAEU
-- declaration of conformity (EAC).
ALTER TABLE certifications DROP CONSTRAINT certifications_kind_check;
ALTER TABLE certifications ADD CONSTRAINT certifications_kind_check CHECK (
  kind IN ('pirt', 'bpom_md', 'halal', 'sni', 'organic', 'fda_registration', 'merek', 'geographical_indication',
           'th_fda', 'th_tcps', 'vn_food_safety', 'jp_jas', 'jp_food_business_licence', 'ke_kebs_smark',
           'ke_kebs_dmark', 'kg_eaeu_conformity', 'other')
);

-- An area is found by its names in other languages too (a Japanese prefecture by "Oita" as well as
-- by 大分県): the values of areas.names joined by newlines, which no query holds, under a trigram
-- index like the one on the name.
CREATE FUNCTION area_names_text(names jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(string_agg(value, E'\n' ORDER BY key), '') FROM jsonb_each_text(names) $$;
CREATE INDEX areas_names_trgm ON areas USING gin (lower(area_names_text(names)) gin_trgm_ops);
