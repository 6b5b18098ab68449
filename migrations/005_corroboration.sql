-- sitrep schema, version 5: an incident's corroboration (independent sources,
-- src/fusion/sources.ts) kept beside it, so that each of its events can say how
-- many independent sources stand behind it, and the API can filter and size map
-- points by it without describing every incident.
--
-- Written by fusion whenever an incident's mentions change; null until then
-- (the store fills the nulls of a database made before this version when it opens).

ALTER TABLE incidents ADD COLUMN corroboration integer;
CREATE INDEX incidents_corroboration_idx ON incidents (corroboration) WHERE corroboration > 1;
