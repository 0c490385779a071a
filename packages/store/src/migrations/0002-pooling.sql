-- 0002 pooling: import batches, dead letters, case reports (with correction history), lab results,
-- vaccinations, the day-partitioned presence data (check-ins, telecom, transport), provisional
-- persons, the identity review queue and reversible person merges.
-- Append-only: never edit after merge; add a new numbered file instead.

-- Provisional persons: records that name someone the registry does not know create a person marked
-- provisional. They may lack a resident ID, sex or birth date; registered persons never do.
ALTER TABLE person
  ALTER COLUMN sex DROP NOT NULL,
  ALTER COLUMN birth_date DROP NOT NULL,
  ALTER COLUMN id_number_hash DROP NOT NULL,
  ALTER COLUMN id_number_cipher DROP NOT NULL,
  ALTER COLUMN id_number_tail DROP NOT NULL,
  ADD COLUMN provisional boolean NOT NULL DEFAULT false,
  ADD COLUMN passport_hash text,
  ADD COLUMN merged_into bigint REFERENCES person(id);
ALTER TABLE person ADD CONSTRAINT person_registered_is_complete CHECK (
  provisional OR (sex IS NOT NULL AND birth_date IS NOT NULL AND id_number_hash IS NOT NULL
                  AND id_number_cipher IS NOT NULL AND id_number_tail IS NOT NULL));
CREATE INDEX person_passport_hash ON person (passport_hash);
CREATE INDEX person_birth_date ON person (birth_date);
CREATE INDEX person_provisional ON person (id) WHERE provisional;
CREATE INDEX person_merged_into ON person (merged_into) WHERE merged_into IS NOT NULL;

-- The registry source's household keys.
CREATE TABLE household_source (
  source_key    text PRIMARY KEY,
  household_id  bigint NOT NULL REFERENCES household(id)
);

-- One import of one file (or one HTTP batch). `rows_done` is the progress marker: the last row
-- number whose chunk is committed; it is written in the same transaction as the chunk's rows.
CREATE TABLE import_batch (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source           text NOT NULL,
  file_name        text NOT NULL,
  content_hash     text,
  idempotency_key  text,
  status           text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  rows_done        integer NOT NULL DEFAULT 0,
  accepted         integer NOT NULL DEFAULT 0,
  rejected         integer NOT NULL DEFAULT 0,
  duplicates       integer NOT NULL DEFAULT 0,
  corrected        integer NOT NULL DEFAULT 0,
  report           jsonb,
  actor_name       text NOT NULL DEFAULT 'system',
  started_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  UNIQUE (source, idempotency_key)
);
CREATE INDEX import_batch_content ON import_batch (source, content_hash);

-- Rows that failed validation. The raw row is sealed with the identifier vault (it may hold clear
-- identifiers); `preview` is the same row with identifiers masked, for listing.
CREATE TABLE dead_letter (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id    bigint NOT NULL REFERENCES import_batch(id),
  source      text NOT NULL,
  row_number  integer NOT NULL,
  raw_sealed  text NOT NULL,
  preview     jsonb NOT NULL,
  field       text,
  rule        text NOT NULL,
  reason      text NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fixed', 'rerun', 'discarded')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (batch_id, row_number)
);
CREATE INDEX dead_letter_status ON dead_letter (source, status);

-- Identity columns shared by every record table: the claim as received (hashes only) and the link.
CREATE TABLE case_report (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id       text NOT NULL UNIQUE,
  batch_id        bigint REFERENCES import_batch(id),
  person_id       bigint REFERENCES person(id),
  id_number_hash  text,
  phone_hash      text,
  passport_hash   text,
  claimed_name    text,
  claimed_birth   date,
  classification  text NOT NULL CHECK (classification IN ('confirmed', 'asymptomatic', 'suspected', 'discarded')),
  onset_date      date,
  sampling_date   date NOT NULL,
  report_time     timestamptz NOT NULL,
  isolated_time   timestamptz,
  imported        boolean NOT NULL DEFAULT false,
  reporting_unit  text,
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX case_report_person ON case_report (person_id);

-- Every replaced version of a case report (a correction keeps what it replaced).
CREATE TABLE case_report_history (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id    text NOT NULL,
  version      integer NOT NULL,
  content      jsonb NOT NULL,
  replaced_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, version)
);

CREATE FUNCTION case_report_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_report_history (report_id, version, content) VALUES (OLD.report_id, OLD.version, to_jsonb(OLD));
  RETURN NEW;
END;
$$;
CREATE TRIGGER case_report_history BEFORE UPDATE ON case_report
  FOR EACH ROW WHEN (NEW.version <> OLD.version) EXECUTE FUNCTION case_report_keep_history();

CREATE TABLE lab_result (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sample_id       text NOT NULL UNIQUE,
  batch_id        bigint REFERENCES import_batch(id),
  person_id       bigint REFERENCES person(id),
  id_number_hash  text,
  phone_hash      text,
  passport_hash   text,
  claimed_name    text,
  claimed_birth   date,
  tube_id         text NOT NULL,
  pool_size       smallint NOT NULL CHECK (pool_size IN (1, 5, 10, 20)),
  sampled_at      timestamptz NOT NULL,
  resulted_at     timestamptz NOT NULL,
  result          text NOT NULL CHECK (result IN ('positive', 'negative', 'invalid')),
  ct_n            numeric,
  ct_orf1ab       numeric,
  lab_code        text NOT NULL,
  round_id        text
);
CREATE INDEX lab_result_tube ON lab_result (tube_id);
CREATE INDEX lab_result_person ON lab_result (person_id);

CREATE TABLE vaccination (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id        text NOT NULL UNIQUE,
  batch_id         bigint REFERENCES import_batch(id),
  person_id        bigint REFERENCES person(id),
  id_number_hash   text,
  phone_hash       text,
  passport_hash    text,
  claimed_name     text,
  claimed_birth    date,
  vaccine_code     text NOT NULL,
  dose_number      smallint NOT NULL CHECK (dose_number >= 1),
  administered_on  date NOT NULL,
  site_code        text
);
CREATE INDEX vaccination_person ON vaccination (person_id);

-- Presence data: partitioned by day (UTC+8 calendar day of the time column), one partition per
-- day created by the loader on demand and dropped by retention. Unique keys include the day.
CREATE SEQUENCE presence_row_id;

CREATE TABLE check_in (
  id              bigint NOT NULL DEFAULT nextval('presence_row_id'),
  scan_id         text NOT NULL,
  day             date NOT NULL,
  batch_id        bigint,
  person_id       bigint,
  id_number_hash  text,
  phone_hash      text,
  passport_hash   text,
  claimed_name    text,
  claimed_birth   date,
  place_id        bigint NOT NULL,
  time_in         timestamptz NOT NULL,
  time_out        timestamptz,
  UNIQUE (scan_id, day)
) PARTITION BY RANGE (day);
CREATE INDEX check_in_person ON check_in (person_id);
CREATE INDEX check_in_place_time ON check_in (place_id, time_in);
CREATE INDEX check_in_id ON check_in (id);

CREATE TABLE telecom_presence (
  id              bigint NOT NULL DEFAULT nextval('presence_row_id'),
  record_id       text NOT NULL,
  day             date NOT NULL,
  batch_id        bigint,
  person_id       bigint,
  id_number_hash  text,
  phone_hash      text NOT NULL,
  passport_hash   text,
  claimed_name    text,
  claimed_birth   date,
  cell            text NOT NULL,
  start_time      timestamptz NOT NULL,
  end_time        timestamptz NOT NULL,
  UNIQUE (record_id, day)
) PARTITION BY RANGE (day);
CREATE INDEX telecom_presence_person ON telecom_presence (person_id);
CREATE INDEX telecom_presence_cell_time ON telecom_presence (cell, start_time);
CREATE INDEX telecom_presence_id ON telecom_presence (id);

CREATE TABLE transport_ticket (
  id              bigint NOT NULL DEFAULT nextval('presence_row_id'),
  ticket_id       text NOT NULL,
  day             date NOT NULL,
  batch_id        bigint,
  person_id       bigint,
  id_number_hash  text,
  phone_hash      text,
  passport_hash   text,
  claimed_name    text,
  claimed_birth   date,
  mode            text NOT NULL CHECK (mode IN ('train', 'coach', 'plane', 'ship')),
  service_id      text NOT NULL,
  service_date    date NOT NULL,
  departure_time  timestamptz NOT NULL,
  arrival_time    timestamptz NOT NULL,
  origin          text NOT NULL,
  destination     text NOT NULL,
  carriage        text,
  seat_row        integer NOT NULL,
  seat            text NOT NULL,
  enclosed        boolean NOT NULL DEFAULT true,
  UNIQUE (ticket_id, day)
) PARTITION BY RANGE (day);
CREATE INDEX transport_ticket_person ON transport_ticket (person_id);
CREATE INDEX transport_ticket_service ON transport_ticket (service_id, service_date);
CREATE INDEX transport_ticket_id ON transport_ticket (id);

-- Records whose identity matched a registered person only probably: the record is linked to a
-- provisional person, and a reviewer decides whether to merge it into the candidate.
CREATE TABLE identity_review (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id     bigint NOT NULL REFERENCES person(id),
  candidate_id  bigint NOT NULL REFERENCES person(id),
  score         real NOT NULL,
  source        text NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'dismissed')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, candidate_id)
);
CREATE INDEX identity_review_open ON identity_review (status) WHERE status = 'open';

-- Person merges, with the exact list of rows each one moved, so that undo restores the prior state.
CREATE TABLE person_merge (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_person_id bigint NOT NULL REFERENCES person(id),
  into_person_id bigint NOT NULL REFERENCES person(id),
  from_was_provisional boolean NOT NULL,
  merged_at      timestamptz NOT NULL DEFAULT now(),
  merged_by      text NOT NULL,
  undone_at      timestamptz
);

CREATE TABLE person_merge_move (
  merge_id    bigint NOT NULL REFERENCES person_merge(id),
  table_name  text NOT NULL,
  row_id      bigint NOT NULL,
  PRIMARY KEY (merge_id, table_name, row_id)
);
