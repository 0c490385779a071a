-- 0006 research and judgment: area risk levels, health-code colours with their rule and evidence,
-- manual overrides under the two-person rule, alerts on refused changes, and appeals.

-- Current level of every area that has had an infection; history keeps every change.
CREATE TABLE risk_area_level (
  region_id        bigint PRIMARY KEY REFERENCES region(id),
  region_path      ltree NOT NULL,
  profile_id       text NOT NULL,
  level            text NOT NULL,
  background       boolean NOT NULL,
  rule_id          text NOT NULL,
  reason_case_ids  bigint[] NOT NULL,
  since            date NOT NULL,
  drops_at         date,
  computed_at      timestamptz NOT NULL
);
CREATE INDEX risk_area_level_path_gist ON risk_area_level USING gist (region_path);

CREATE TABLE risk_area_level_history (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_id        bigint NOT NULL REFERENCES region(id),
  profile_id       text NOT NULL,
  level            text NOT NULL,
  rule_id          text NOT NULL,
  reason_case_ids  bigint[] NOT NULL,
  since            date NOT NULL,
  drops_at         date,
  recorded_at      timestamptz NOT NULL
);
CREATE INDEX risk_area_level_history_region ON risk_area_level_history (region_id, id);

-- Current code per person (a person with no row is green). `override_until` set = a manual colour
-- approved by two people holds until then and the rules do not replace it.
CREATE TABLE health_code (
  person_id        bigint PRIMARY KEY REFERENCES person(id),
  colour           text NOT NULL CHECK (colour IN ('green', 'yellow', 'red')),
  rule_set_id      text NOT NULL,
  rule_id          text NOT NULL,
  reason_key       text NOT NULL,
  evidence         jsonb NOT NULL,
  since            timestamptz NOT NULL,
  expires_at       timestamptz,
  next_colour      text,
  next_condition   jsonb,
  override_until   timestamptz,
  evaluated_at     timestamptz NOT NULL
);
CREATE INDEX health_code_expires ON health_code (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE health_code_change (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id            bigint NOT NULL REFERENCES person(id),
  from_colour          text NOT NULL,
  to_colour            text NOT NULL,
  rule_id              text NOT NULL,
  reason_key           text NOT NULL,
  evidence             jsonb NOT NULL,
  cause                text NOT NULL CHECK (cause IN ('rule', 'override', 'appeal')),
  override_request_id  bigint,
  changed_at           timestamptz NOT NULL
);
CREATE INDEX health_code_change_person ON health_code_change (person_id, id);
CREATE INDEX health_code_change_time ON health_code_change (changed_at);

CREATE TABLE code_override_request (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  requested_by       bigint NOT NULL REFERENCES app_user(id),
  requested_by_name  text NOT NULL,
  reason_code        text NOT NULL,
  note               text NOT NULL,
  target_colour      text NOT NULL CHECK (target_colour IN ('green', 'yellow', 'red')),
  person_ids         bigint[] NOT NULL,
  valid_until        timestamptz NOT NULL,
  status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  approved_by        bigint REFERENCES app_user(id),
  approved_by_name   text,
  decided_at         timestamptz,
  requested_at       timestamptz NOT NULL
);
CREATE INDEX code_override_request_status ON code_override_request (status);

-- Anomalies raised by the safeguards, e.g. a change asked for people with no epidemiological link.
CREATE TABLE code_alert (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL,
  actor_id     bigint,
  actor_name   text NOT NULL,
  region_path  ltree NOT NULL,
  person_ids   bigint[] NOT NULL,
  details      jsonb NOT NULL,
  raised_at    timestamptz NOT NULL
);
CREATE INDEX code_alert_region_gist ON code_alert USING gist (region_path);

CREATE TABLE code_appeal (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id       bigint NOT NULL REFERENCES person(id),
  filed_by        bigint NOT NULL REFERENCES app_user(id),
  filed_by_role   text NOT NULL,
  reason          text NOT NULL,
  colour_at_filing text NOT NULL,
  rule_id_at_filing text NOT NULL,
  filed_at        timestamptz NOT NULL,
  deadline        timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'rejected')),
  reviewer_id     bigint REFERENCES app_user(id),
  reviewer_name   text,
  outcome         text,
  decided_at      timestamptz
);
CREATE INDEX code_appeal_open ON code_appeal (deadline) WHERE status = 'open';
CREATE INDEX code_appeal_person ON code_appeal (person_id);

-- How far the incremental recompute has read each source of health facts.
CREATE TABLE judgment_watermark (
  source    text PRIMARY KEY,
  last_id   bigint NOT NULL
);
