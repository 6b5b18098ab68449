-- sitrep schema, version 3: incidents (events of several reports that describe
-- one thing) and revisions of reports.
--
-- An incident is only its membership: which stored events (mentions) it joins,
-- with the fields fusion compares copied beside each (events never change).
-- Its place, date, sources, corroboration and figures are derived from them
-- when read (src/fusion). The columns below say where and when it is: the
-- oblast (null while no mention is placed) and the days every mention can be about.

CREATE TABLE incidents (
  id          text PRIMARY KEY,
  admin1      text,
  day_start   integer,            -- days since 1970-01-01; null when undated
  day_end     integer,
  place_id    text,               -- its most specific place
  place_level smallint NOT NULL DEFAULT 0, -- 0 none, 1 oblast, 2 raion, 3 settlement, 4 city district (src/fusion/match.ts placeKind)
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Blocking: an incident is filed under (its oblast, or '?' while unplaced) and
-- under '*', for each day it can be about (-1000000 when undated). A new
-- mention reads only the incidents of its own blocks.
CREATE TABLE incident_blocks (
  block       text NOT NULL,
  day         integer NOT NULL,
  incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  PRIMARY KEY (block, day, incident_id)
);
CREATE INDEX incident_blocks_incident_idx ON incident_blocks (incident_id);

CREATE TABLE incident_mentions (
  event_id    text PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  reason      text NOT NULL,        -- why it joined (or started) its incident
  mention     jsonb NOT NULL        -- what fusion reads of the event and its report (src/fusion/mention.ts)
);
CREATE INDEX incident_mentions_incident_idx ON incident_mentions (incident_id);

-- A report re-ingested with changed text (same URL, or same file) is a new
-- document that supersedes the earlier one; the earlier one stays as history.
ALTER TABLE documents ADD COLUMN revision_key text;
ALTER TABLE documents ADD COLUMN superseded_by text REFERENCES documents (id);
ALTER TABLE documents ADD COLUMN superseded_at timestamptz;
CREATE INDEX documents_revision_idx ON documents (revision_key) WHERE superseded_by IS NULL;
