/**
 * The demo's neighbouring city publishes its own list of current risk areas, in the format every
 * EpiGrid instance publishes at `GET /api/risk-areas`: one district, the one of its coach station
 * (FSK, 1 of the timetable's 12 routes), is a high-risk area for the first weeks of the run. The demo
 * imports it, so that day-trippers on that route turn yellow for a week: about one adult in 6,000 a
 * day (a trip share of 0.2 % spread over 12 routes), against hundreds of contacts of the outbreak.
 */

/** Publisher id of the neighbouring city's instance. */
export const neighbourPublisher = 'foshan-demo';

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The neighbour's list as published on the demo's first day.
 * @param firstDay - the first simulated day (YYYY-MM-DD)
 * @returns the list: the district high from two days before the run, dropping 16 days into it
 */
export function neighbourRiskAreas(firstDay: string): Record<string, unknown> {
  return {
    publisher: neighbourPublisher,
    publishedAt: `${firstDay}T00:00:00+08:00`,
    profileId: 'CN-P9-areas',
    unitLevel: 'county',
    levels: ['high', 'medium', 'low'],
    areas: [
      {
        regionCode: '440604',
        nameZh: '禅城区',
        nameEn: 'Chancheng District',
        regionLevel: 'county',
        level: 'high',
        ruleId: 'CN-P9-areas/high/designated',
        since: addDays(firstDay, -2),
        dropsAt: addDays(firstDay, 16),
        infections: 6,
      },
    ],
  };
}
