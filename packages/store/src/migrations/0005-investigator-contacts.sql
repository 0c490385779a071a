-- 0005 investigator contacts: people a field investigator judged to be close contacts of a case after an
-- interview (domain rules §1.1 item 9). The trace engine reads them as evidence each time the case is
-- traced; entering the same person under the same reference again changes nothing.

CREATE TABLE investigator_contact (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_report_id  bigint NOT NULL REFERENCES case_report(id) ON DELETE CASCADE,
  person_id       bigint NOT NULL REFERENCES person(id),
  reference       text NOT NULL,
  exposure_from   timestamptz NOT NULL,
  exposure_to     timestamptz NOT NULL,
  note            text,
  entered_by      text NOT NULL,
  entered_at      timestamptz NOT NULL,
  CHECK (exposure_from <= exposure_to),
  UNIQUE (case_report_id, person_id, reference)
);
CREATE INDEX investigator_contact_person ON investigator_contact (person_id);
