-- sitrep schema, version 1: documents, the events read from them, aggregate
-- reports and claims. Written in the SQL that PGlite and PostgreSQL share.

CREATE TABLE documents (
  id               text PRIMARY KEY,              -- sha256 of the cleaned text
  origin           text NOT NULL,                 -- path, path:line, or '-'
  format           text NOT NULL,
  title            text,
  outlet           text,
  url              text,
  published        timestamptz,
  published_source text NOT NULL,                 -- cli | jsonl | html-meta | dateline | none
  text             text NOT NULL,
  dropped_lines    integer NOT NULL DEFAULT 0,
  ingested_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
  id              text PRIMARY KEY,
  event_type      text NOT NULL,
  sub_event_type  text NOT NULL,
  date            date,
  date_end        date,
  time_precision  smallint,
  actor1          text,
  actor2          text,
  place_name      text,
  place_id        text,
  admin1          text,
  admin2          text,
  lat             double precision,
  lon             double precision,
  geo_precision   smallint,
  attacks         integer,
  killed          integer,
  injured         integer,
  targets         text[] NOT NULL DEFAULT '{}',
  weapons         text[] NOT NULL DEFAULT '{}',
  historical      boolean NOT NULL DEFAULT false,
  detail          jsonb NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_date_idx ON events (date);
CREATE INDEX events_admin1_idx ON events (admin1);

-- Every report that supports an event: the mention, with its sentence and offsets.
CREATE TABLE event_sources (
  event_id     text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  document_id  text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  speaker      text,
  quote        text NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  provenance   jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (event_id, document_id, start_offset)
);
CREATE INDEX event_sources_document_idx ON event_sources (document_id);

CREATE TABLE aggregate_reports (
  id           bigserial PRIMARY KEY,
  document_id  text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind         text NOT NULL,
  value        integer NOT NULL,
  regions      integer,
  region_names text[] NOT NULL DEFAULT '{}',
  period_start date,
  period_end   date,
  speaker      text,
  quote        text NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL
);
CREATE INDEX aggregate_reports_document_idx ON aggregate_reports (document_id);

CREATE TABLE claims (
  id           bigserial PRIMARY KEY,
  document_id  text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  speaker      text,
  role         text,
  side         text,
  statement    text NOT NULL,
  status       text NOT NULL CHECK (status IN ('unverified', 'disputed', 'corroborated', 'reported')),
  reason       text NOT NULL,
  quote        text NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL
);
CREATE INDEX claims_document_idx ON claims (document_id);
