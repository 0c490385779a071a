-- 0001 foundation: region tree, places, households, people, users, sessions, audit log.
-- Append-only: never edit after merge; add a new numbered file instead.

CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Administrative hierarchy. `path` is the ltree of region codes from the root, so
-- "everything under this node" is `path <@ $scope`, answered by the GiST index.
CREATE TABLE region (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  path        ltree NOT NULL UNIQUE,
  parent_id   bigint REFERENCES region(id),
  level       text NOT NULL,
  depth       smallint NOT NULL,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  population  integer NOT NULL DEFAULT 0 CHECK (population >= 0),
  polygon     jsonb
);
CREATE INDEX region_path_gist ON region USING gist (path);
CREATE INDEX region_parent ON region (parent_id);

-- Workplaces, schools, venues (with place codes) and isolation hotels.
CREATE TABLE place (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('workplace', 'school', 'venue', 'isolation_hotel')),
  category    text,
  name        text NOT NULL,
  place_code  text UNIQUE,
  region_id   bigint NOT NULL REFERENCES region(id),
  region_path ltree NOT NULL,
  lat         double precision NOT NULL,
  lng         double precision NOT NULL,
  capacity    integer
);
CREATE INDEX place_region_path_gist ON place USING gist (region_path);
CREATE INDEX place_kind ON place (kind);

CREATE TABLE isolation_room (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  place_id  bigint NOT NULL REFERENCES place(id),
  room_no   text NOT NULL,
  floor     smallint NOT NULL,
  UNIQUE (place_id, room_no)
);

CREATE TABLE household (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  address      text NOT NULL,
  grid_id      bigint NOT NULL REFERENCES region(id),
  region_path  ltree NOT NULL,
  lat          double precision,
  lng          double precision
);
CREATE INDEX household_region_path_gist ON household USING gist (region_path);

-- People. The resident ID number and phone are never stored in clear:
-- *_hash is a keyed HMAC for matching, *_cipher an AES-GCM ciphertext read back only
-- when the reader's role and purpose allow it.
CREATE TABLE person (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name              text NOT NULL,
  sex               text NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date        date NOT NULL,
  id_number_hash    text NOT NULL UNIQUE,
  id_number_cipher  text NOT NULL,
  id_number_tail    text NOT NULL,
  phone_hash        text,
  phone_cipher      text,
  phone_tail        text,
  household_id      bigint REFERENCES household(id),
  grid_id           bigint NOT NULL REFERENCES region(id),
  region_path       ltree NOT NULL,
  workplace_id      bigint REFERENCES place(id),
  school_id         bigint REFERENCES place(id),
  occupation        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_region_path_gist ON person USING gist (region_path);
CREATE INDEX person_household ON person (household_id);
CREATE INDEX person_phone_hash ON person (phone_hash);
CREATE INDEX person_name_trgm ON person USING gin (name gin_trgm_ops);

CREATE TABLE app_user (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  password_hash  text NOT NULL,
  role           text NOT NULL,
  region_id      bigint NOT NULL REFERENCES region(id),
  region_path    ltree NOT NULL,
  person_id      bigint REFERENCES person(id),
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX app_user_region_path_gist ON app_user USING gist (region_path);

-- Sessions are stored by the SHA-256 of their bearer token, so a database leak yields no usable token.
CREATE TABLE session (
  token_hash  text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES app_user(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX session_expires ON session (expires_at);

-- Append-only, hash-chained audit log. Each row's hash covers its content and the previous hash;
-- the trigger refuses UPDATE and DELETE, and `epigrid audit verify` detects any change made around it.
CREATE TABLE audit_log (
  seq         bigint PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    bigint,
  actor_name  text NOT NULL,
  actor_role  text NOT NULL,
  action      text NOT NULL,
  purpose     text NOT NULL,
  subject     text,
  outcome     text NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
