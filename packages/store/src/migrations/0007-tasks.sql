-- 0007 the closed loop: tasks generated from judgments, routed down the region tree, their outcomes,
-- the person state those outcomes set, escalation notices and the round-robin cursors of routing.

CREATE TABLE task (
  id                    bigserial PRIMARY KEY,
  type                  text NOT NULL,
  rule_id               text NOT NULL,
  person_id             bigint REFERENCES person(id),
  -- What the task is about (e.g. `case:12:person:34`); generation is idempotent on (type, subject_key).
  subject_key           text NOT NULL,
  home_region_path      ltree NOT NULL,
  assigned_region_path  ltree NOT NULL,
  assigned_level        text NOT NULL,
  assignee_user_id      bigint REFERENCES app_user(id),
  priority              smallint NOT NULL,
  deadline              timestamptz NOT NULL,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled', 'referred')),
  source                jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at            timestamptz NOT NULL,
  done_at               timestamptz,
  escalations           smallint NOT NULL DEFAULT 0,
  -- When the clock of the task started (the case report for contacts): time to control counts from here.
  clock_start           timestamptz NOT NULL,
  -- Null until routing has placed the task (generation and routing are separate bulk steps).
  routed_at             timestamptz,
  UNIQUE (type, subject_key)
);
CREATE INDEX task_assigned_path_gist ON task USING gist (assigned_region_path);
CREATE INDEX task_home_path_gist ON task USING gist (home_region_path);
CREATE INDEX task_assignee_open ON task (assignee_user_id, deadline) WHERE status = 'open';
CREATE INDEX task_open_deadline ON task (deadline) WHERE status = 'open';
CREATE INDEX task_unrouted ON task (id) WHERE routed_at IS NULL;
CREATE INDEX task_person ON task (person_id);

CREATE TABLE task_outcome (
  id           bigserial PRIMARY KEY,
  task_id      bigint NOT NULL REFERENCES task(id),
  -- Chosen by the phone that recorded the outcome, so an offline queue replayed twice adds one row.
  client_id    uuid NOT NULL UNIQUE,
  code         text NOT NULL CHECK (code IN ('reached', 'not_home', 'moved', 'refused', 'transferred', 'tested')),
  note         text,
  facility_id  bigint REFERENCES place(id),
  photo        bytea,
  recorded_at  timestamptz NOT NULL,
  received_at  timestamptz NOT NULL,
  recorded_by  bigint REFERENCES app_user(id)
);
CREATE INDEX task_outcome_task ON task_outcome (task_id, recorded_at);

-- The person's state as the last verified outcome set it; judgments (health code, area timers) read it.
CREATE TABLE person_state (
  person_id          bigint PRIMARY KEY REFERENCES person(id),
  state              text NOT NULL,
  place_id           bigint REFERENCES place(id),
  since              timestamptz NOT NULL,
  source_outcome_id  bigint REFERENCES task_outcome(id),
  -- True until the judgments this state affects have been recomputed.
  needs_rejudgment   boolean NOT NULL DEFAULT true
);
CREATE INDEX person_state_rejudge ON person_state (person_id) WHERE needs_rejudgment;

CREATE TABLE task_notice (
  id           bigserial PRIMARY KEY,
  region_path  ltree NOT NULL,
  task_id      bigint NOT NULL REFERENCES task(id),
  kind         text NOT NULL CHECK (kind IN ('escalated')),
  created_at   timestamptz NOT NULL,
  read_at      timestamptz
);
CREATE INDEX task_notice_region_gist ON task_notice USING gist (region_path);

-- Round robin: the user last given a task at each region node.
CREATE TABLE task_route_cursor (
  region_path   ltree PRIMARY KEY,
  last_user_id  bigint NOT NULL
);
