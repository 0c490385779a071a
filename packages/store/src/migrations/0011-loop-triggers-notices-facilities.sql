-- 0011 the loop's other triggers, notices read, facilities: what the pooled-positive, missed-test and
-- round queries look up, who marked an escalation notice read, and the people placed in a facility.

-- Positive pooled tubes of the last days, read every minute by the pooled-positive trigger.
CREATE INDEX lab_result_pooled_positive ON lab_result (resulted_at) WHERE result = 'positive' AND pool_size > 1;

-- Mass-testing rounds: the distinct rounds (a skip scan) and each round's first sample.
CREATE INDEX lab_result_round ON lab_result (round_id, sampled_at) WHERE round_id IS NOT NULL;

-- A round closed and checked for residents who missed it, once per task type.
CREATE TABLE task_round_check (
  type        text NOT NULL,
  round_id    text NOT NULL,
  checked_at  timestamptz NOT NULL,
  missing     integer NOT NULL,
  PRIMARY KEY (type, round_id)
);

-- Notices are addressed to a level; the first of its users to read one marks it for all.
ALTER TABLE task_notice ADD COLUMN read_by bigint REFERENCES app_user(id);
CREATE INDEX task_notice_newest ON task_notice (created_at DESC, id DESC);

-- Occupancy of isolation facilities (person_state.place_id is set by a `transferred` outcome).
CREATE INDEX person_state_place ON person_state (place_id) WHERE place_id IS NOT NULL;
