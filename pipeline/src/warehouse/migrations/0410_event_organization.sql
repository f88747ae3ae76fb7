-- Issue #11: congresses other than emulation congresses (the Party's, the mass organisations', the ethnic
-- minorities', the armed forces' "Thi đua Quyết thắng") are extracted as kind 'other' with the holder in
-- `organization`; emulation congresses and model-example conferences have NULL. The event key includes
-- it, so a Party congress never merges with an emulation congress or another organisation's of the same
-- ordinal. Since extractor d-2026.1 each article has one event_mentions row per real congress (all its
-- mentions merged into one entity; span_start/span_end are those of its most complete mention).
ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS organization VARCHAR;

COMMENT ON COLUMN event_mentions.organization IS 'tổ chức của đại hội loại other: party, farmers_union, trade_union, youth_union, women_union, fatherland_front, veterans, ethnic_minorities, armed_forces, other; NULL với đại hội thi đua, hội nghị điển hình | holder of a kind-other congress: party, farmers_union, trade_union, youth_union, women_union, fatherland_front, veterans, ethnic_minorities, armed_forces, other; NULL for emulation congresses and model conferences';

-- The holder of each resolved event, for timelines that show Party and mass-organisation congresses as
-- their own layer (events.kind alone says only 'other').
CREATE OR REPLACE VIEW event_organizations AS
  SELECT event_id, mode(organization ORDER BY organization) AS organization
  FROM event_mentions
  WHERE event_id IS NOT NULL AND organization IS NOT NULL
  GROUP BY event_id;

COMMENT ON VIEW event_organizations IS 'Tổ chức của mỗi sự kiện loại other (Đảng, đoàn thể…) | Holder of each kind-other event (Party, mass organisations…)';
COMMENT ON COLUMN event_organizations.event_id IS 'mã sự kiện (events.event_id) | event id (events.event_id)';
COMMENT ON COLUMN event_organizations.organization IS 'tổ chức: party, farmers_union, trade_union, youth_union, women_union, fatherland_front, veterans, ethnic_minorities, armed_forces, other | holder: party, farmers_union, trade_union, youth_union, women_union, fatherland_front, veterans, ethnic_minorities, armed_forces, other';
