/**
 * When a planned test counts as taken: a sample of the person on the planned local calendar day (in
 * the instance's offset from UTC, never the database session's time zone), widened on each side by
 * the protocol profile's tolerance when it states one. One definition for the `missed-required-test`
 * health fact and for the door knocks of the missed-test trigger.
 */

/**
 * SQL: the instant a local calendar day begins.
 * @param date - a date expression (or text castable to one)
 * @param offsetParam - placeholder of the local offset from UTC in minutes, e.g. `$2`
 */
const localDayStart = (date: string, offsetParam: string): string =>
  `((${date})::date::timestamp AT TIME ZONE 'UTC' - make_interval(mins => ${offsetParam}::int))`;

/** SQL: an interval of the tolerance hours. */
const tolerance = (toleranceParam: string): string => `make_interval(secs => ${toleranceParam}::float8 * 3600)`;

/**
 * SQL: the first instant at which a sample counts for the planned test day.
 * @param date - the planned day
 * @param offsetParam - placeholder of the local offset in minutes
 * @param toleranceParam - placeholder of the tolerance in hours (0: none)
 */
export const testWindowStartSql = (date: string, offsetParam: string, toleranceParam: string): string =>
  `(${localDayStart(date, offsetParam)} - ${tolerance(toleranceParam)})`;

/**
 * SQL: the instant from which the planned test day is missed if no sample counted (exclusive end of
 * the window: the next local midnight plus the tolerance).
 * @param date - the planned day
 * @param offsetParam - placeholder of the local offset in minutes
 * @param toleranceParam - placeholder of the tolerance in hours (0: none)
 */
export const testWindowEndSql = (date: string, offsetParam: string, toleranceParam: string): string =>
  `(${localDayStart(`(${date})::date + 1`, offsetParam)} + ${tolerance(toleranceParam)})`;

/**
 * SQL condition: the person has a sample that counts for the planned test day. Evaluated once per
 * planned day as a probe of the person's samples in the window through the index on
 * `lab_result (person_id, sampled_at)` (0015), never as a join over all samples; run the statement
 * through `withoutJit` (db/without-jit.ts), as its estimate charges every probe as a read from disk.
 * @param person - expression of the person id (qualified: inside, `person_id` names the sample's)
 * @param date - the planned day
 * @param offsetParam - placeholder of the local offset in minutes
 * @param toleranceParam - placeholder of the tolerance in hours (0: none)
 */
export const sampleForTestDaySql = (person: string, date: string, offsetParam: string, toleranceParam: string): string =>
  // OFFSET 0 keeps the planner from turning this into a join, which it hashes over every sample when it overestimates the planned days.
  `EXISTS (SELECT 1 FROM lab_result lr WHERE lr.person_id = ${person}
     AND lr.sampled_at >= ${testWindowStartSql(date, offsetParam, toleranceParam)}
     AND lr.sampled_at < ${testWindowEndSql(date, offsetParam, toleranceParam)} OFFSET 0)`;
