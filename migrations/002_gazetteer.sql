-- The gazetteer built from registers (KATOTTG, a coordinates table, GeoNames):
-- places, every name they are known by under its normalised key, and each build.

CREATE TABLE gazetteer_places (
  id           text PRIMARY KEY,             -- katottg:<code>, oblast:<slug>, geonames:<id>
  kind         text NOT NULL,                -- settlement | oblast | raion | district
  category     text,                         -- KATOTTG category (M, X, C, K, P, B) or O
  name         text NOT NULL,                -- official romanisation
  name_uk      text,
  admin1       text,
  admin2       text,
  parent       text,                         -- hromada of a settlement, city of a district
  lat          double precision,
  lon          double precision,
  population   integer,
  coord_source text
);
CREATE INDEX gazetteer_places_admin1_idx ON gazetteer_places (admin1, kind);

CREATE TABLE gazetteer_names (
  place_id text NOT NULL REFERENCES gazetteer_places (id) ON DELETE CASCADE,
  name     text NOT NULL,
  kind     text NOT NULL,
  key      text NOT NULL                     -- normaliseName(name)
);
CREATE INDEX gazetteer_names_key_idx ON gazetteer_names (key);
CREATE INDEX gazetteer_names_place_idx ON gazetteer_names (place_id);

-- One row per build; the newest holds the snapshot the resolver loads in one read.
CREATE TABLE gazetteer_builds (
  id        serial PRIMARY KEY,
  built_at  timestamptz NOT NULL DEFAULT now(),
  inputs    jsonb NOT NULL,                  -- which files, their sizes and sha256
  stats     jsonb NOT NULL,
  snapshot  text NOT NULL                    -- JSON of the gazetteer's records
);
