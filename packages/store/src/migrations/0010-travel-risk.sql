-- 0010 travel from risk areas: the catalogue of stations and airports that transport tickets name, and
-- the lists of current risk areas published by other jurisdictions (a peer instance, the national list).
-- Append-only: never edit after merge; add a new numbered file instead.

-- One row per station or airport code (stored upper case, as tickets are compared upper case).
-- `region_code` is the code of the region the station lies in: a node of this instance's region tree
-- (the station is then inside it and this instance's risk areas apply), or the administrative code of
-- a region of another jurisdiction (imported risk areas apply by code, see docs/judgment.md).
-- The pooling loader writes every records source with its import batch and identity columns; a
-- station names no person, so those stay empty. A newer `updated_at` for a stored code replaces it.
CREATE TABLE station (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  station_code    text NOT NULL UNIQUE,
  batch_id        bigint REFERENCES import_batch(id) ON DELETE SET NULL,
  person_id       bigint,
  id_number_hash  text,
  phone_hash      text,
  passport_hash   text,
  claimed_name    text,
  claimed_birth   date,
  name            text NOT NULL,
  name_en         text,
  modes           text NOT NULL CHECK (modes ~ '^(train|coach|plane|ship)(,(train|coach|plane|ship))*$'),
  region_code     text NOT NULL,
  region_name     text,
  lat             double precision CHECK (lat BETWEEN -90 AND 90),
  lng             double precision CHECK (lng BETWEEN -180 AND 180),
  updated_at      timestamptz NOT NULL,
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX station_region_code ON station (region_code);

-- The current list of each publisher: a newer import of the same publisher replaces the older one
-- (its areas go with it). `source` is the file or URL it was read from.
CREATE TABLE imported_risk_list (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  publisher     text NOT NULL UNIQUE,
  source        text NOT NULL,
  profile_id    text,
  unit_level    text,
  levels        text[] NOT NULL,
  published_at  timestamptz,
  imported_by   text NOT NULL,
  imported_at   timestamptz NOT NULL
);

-- The risk areas of an imported list (its background-level areas are not stored). `code_prefix` is the
-- prefix the codes of regions inside the area start with (null: only `region_code` itself matches).
CREATE TABLE imported_risk_area (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  list_id       bigint NOT NULL REFERENCES imported_risk_list(id) ON DELETE CASCADE,
  region_code   text NOT NULL,
  code_prefix   text,
  name_zh       text NOT NULL,
  name_en       text NOT NULL,
  region_level  text NOT NULL,
  level         text NOT NULL,
  rule_id       text NOT NULL,
  since         date NOT NULL,
  drops_at      date,
  infections    integer NOT NULL,
  UNIQUE (list_id, region_code)
);
