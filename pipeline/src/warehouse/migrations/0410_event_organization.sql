-- Issue #11: congresses other than emulation congresses (the Party's, the mass organisations', the ethnic
-- minorities', the armed forces' "Thi đua Quyết thắng") are extracted as kind 'other' with the holder in
-- `organization`; emulation congresses and model-example conferences have NULL. The event key includes
-- it, so a Party congress never merges with an emulation congress or another organisation's of the same
-- ordinal. Since extractor d-2026.1 each article has one event_mentions row per real congress (all its
-- mentions merged into one entity; span_start/span_end are those of its most complete mention).
ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS organization VARCHAR;

-- The holder of each resolved event, for timelines that show Party and mass-organisation congresses as
-- their own layer (events.kind alone says only 'other').
CREATE OR REPLACE VIEW event_organizations AS
  SELECT event_id, mode(organization ORDER BY organization) AS organization
  FROM event_mentions
  WHERE event_id IS NOT NULL AND organization IS NOT NULL
  GROUP BY event_id;
