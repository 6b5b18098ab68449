-- sitrep schema, version 3: incidents (events of several reports that describe
-- one thing) and revisions of reports.
--
-- An incident is only its membership: which stored events (mentions) it joins,
-- with the fields fusion compares copied beside each (events never change).
-- Its place, date, sources, corroboration and figures are derived from them
-- when read (src/fusion). The columns below are what blocking needs: the oblast
-- (null while no mention is placed) and the days every mention can be about.

CREATE TABLE incidents (
  id          text PRIMARY KEY,
  admin1      text,
  day_start   integer,            -- days since 1970-01-01; null when undated
  day_end     integer,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incidents_block_idx ON incidents (admin1, day_start);
CREATE INDEX incidents_day_idx ON incidents (day_start);

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
