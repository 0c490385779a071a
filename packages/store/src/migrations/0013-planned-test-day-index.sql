-- 0013 the last planned test day of each traced contact, indexed: the minute recompute looks for
-- planned test days that just ended without a sample, and must read only the contacts whose plan
-- reaches that far instead of unnesting every plan ever listed.
-- Append-only: never edit after merge; add a new numbered file instead.

-- The greatest `date` of `management.tests`, NULL when there is none. Companions' follow-up plans
-- hold a count of tests, not a list, hence the type check. Plan dates are ISO `YYYY-MM-DD`, which
-- the date input reads the same under every DateStyle: the cast cannot change meaning, so the
-- function may be declared immutable as a generated column requires.
CREATE FUNCTION last_planned_test_day_of(management jsonb) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT max((test->>'date')::date)
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(management->'tests') = 'array' THEN management->'tests' ELSE '[]'::jsonb END) AS test
$$;

-- Generated, so every writer of `management` keeps it true (and adding it fills existing rows).
ALTER TABLE traced_contact
  ADD COLUMN last_planned_test_day date GENERATED ALWAYS AS (last_planned_test_day_of(management)) STORED;

-- Only close and sub-close contacts have planned tests that can be missed.
CREATE INDEX traced_contact_last_planned_test_day ON traced_contact (last_planned_test_day)
  WHERE kind IN ('close', 'sub-close');
