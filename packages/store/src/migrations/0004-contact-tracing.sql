-- 0004 contact tracing: the result of tracing each case (window, profile) and every traced person with
-- the evidence that made them a contact. Re-tracing a case replaces its rows in one transaction.

CREATE TABLE case_trace (
  case_report_id  bigint PRIMARY KEY REFERENCES case_report(id),
  profile_id      text NOT NULL,
  window_from     timestamptz NOT NULL,
  window_to       timestamptz NOT NULL,
  window_rule_id  text NOT NULL,
  traced_version  integer NOT NULL,
  traced_at       timestamptz NOT NULL,
  counts          jsonb NOT NULL
);

CREATE TABLE traced_contact (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_report_id  bigint NOT NULL REFERENCES case_report(id),
  person_id       bigint NOT NULL REFERENCES person(id),
  kind            text NOT NULL CHECK (kind IN ('close', 'sub-close', 'companion')),
  via_person_id   bigint REFERENCES person(id),
  profile_id      text NOT NULL,
  rule_ids        text[] NOT NULL,
  evidence        jsonb NOT NULL,
  first_exposure  timestamptz NOT NULL,
  last_exposure   timestamptz NOT NULL,
  management      jsonb,
  listed_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX traced_contact_unique ON traced_contact (case_report_id, person_id, kind, coalesce(via_person_id, 0));
CREATE INDEX traced_contact_person ON traced_contact (person_id);
