/**
 * Venue visits in a risk area: a check-in counts when its place lies in a current risk area of this
 * instance (background level excluded) on or after the day the area's level began. One definition
 * for the health facts, the nightly choice of persons and the minute job's watermark.
 */

/**
 * SQL condition: the check-in `ci` at place `pl` is a visit to the risk area `l`.
 * @param ci - alias of a check_in row
 * @param pl - alias of its place row
 * @param l - alias of a risk_area_level row
 */
export const checkInInRiskArea = (ci: string, pl: string, l: string): string =>
  `NOT ${l}.background AND ${pl}.region_path <@ ${l}.region_path AND ${ci}.day >= ${l}.since`;

/**
 * SQL (person_id, id) of every check-in, the person given only when the venue lies in a current risk
 * area (a superset of the check-ins giving a fact; the judge decides): the incremental recompute reads
 * it from its watermark on, so a new visit to an area already at risk is judged within the minute.
 */
export const checkInsAtRiskVenuesSql = `SELECT CASE WHEN EXISTS (
    SELECT 1 FROM place pl JOIN risk_area_level l ON ${checkInInRiskArea('ci', 'pl', 'l')} WHERE pl.id = ci.place_id
  ) THEN ci.person_id END AS person_id, ci.id
  FROM check_in ci`;
