-- 0015 a person's samples by time: whether a planned test day had a sample (the `missed-required-test`
-- fact, the minute recompute and the missed-test trigger) is one probe of this index per planned day,
-- answered from the index alone, instead of a read of all the person's samples or a hash of every one.
-- It serves every lookup by person as well, so it replaces the index on `person_id` alone.
-- Append-only: never edit after merge; add a new numbered file instead.

CREATE INDEX lab_result_person_sampled ON lab_result (person_id, sampled_at);
DROP INDEX lab_result_person;
