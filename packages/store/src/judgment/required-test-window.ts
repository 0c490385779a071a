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
 * SQL condition: the person has a sample that counts for the planned test day.
 * @param person - expression of the person id
 * @param date - the planned day
 * @param offsetParam - placeholder of the local offset in minutes
 * @param toleranceParam - placeholder of the tolerance in hours (0: none)
 */
export const sampleForTestDaySql = (person: string, date: string, offsetParam: string, toleranceParam: string): string =>
  `EXISTS (SELECT 1 FROM lab_result lr WHERE lr.person_id = ${person}
     AND lr.sampled_at >= ${testWindowStartSql(date, offsetParam, toleranceParam)}
     AND lr.sampled_at < ${testWindowEndSql(date, offsetParam, toleranceParam)})`;
