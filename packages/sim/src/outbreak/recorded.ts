/**
 * Names the place of an infection as the ground truth writes it, and decides whether the
 * co-presence behind it shows in the emitted data: household (the registry) and transport
 * (real-name manifests) always do; a venue meeting does when both stays were scanned; any meeting
 * also does when both phones were recorded in the same cell at the time of infection.
 */
import type { City } from '../model.js';
import { stayKinds } from '../motion/day-presence.js';
import type { DayPresence } from '../motion/day-presence.js';
import type { CheckIns, TelecomRecords } from '../motion/presence-records.js';
import type { Service } from '../motion/timetable.js';
import type { RecordedBy, Setting } from './outbreak-state.js';
import { DAY_MINUTES } from './sim-clock.js';
import type { Exposure } from './transmission.js';

/**
 * @param household - household index
 * @returns the household key used in the ground truth (`HH-<index>`)
 */
export function householdKey(household: number): string {
  return `HH-${household}`;
}

/**
 * @param city - the city
 * @param services - the timetable
 * @param setting - where it happened
 * @param where - household, place or service index
 * @returns the venue's place code, `HH-<household>`, `WP-<place>` / `SC-<place>`, or the service id
 */
export function placeKey(city: City, services: readonly Service[], setting: Setting, where: number): string {
  if (setting === 'household') return householdKey(where);
  if (setting === 'transport') return services[where]!.id;
  if (setting === 'venue') return city.places[where]!.placeCode!;
  return `${setting === 'school' ? 'SC' : 'WP'}-${where}`;
}

/** What was recorded on the day of an exposure. */
export interface RecordedDay {
  readonly day: number;
  readonly presence: DayPresence;
  readonly checkIns: CheckIns;
  readonly telecom: TelecomRecords;
}

function scannedAt(day: RecordedDay, person: number, place: number, minute: number): boolean {
  const { presence } = day;
  for (let i = presence.firstOf[person]!; i < presence.firstOf[person + 1]!; i++) {
    if (presence.kind[i] === stayKinds.venue && presence.place[i] === place && presence.start[i]! <= minute && minute < presence.end[i]!) return day.checkIns.scanned[i] === 1;
  }
  return false;
}

function cellAt(day: RecordedDay, person: number, minute: number): number {
  const t = day.telecom;
  for (let k = t.firstOf[person]!; k < t.firstOf[person + 1]!; k++) if (t.start[k]! <= minute && minute < t.end[k]!) return t.cell[k]!;
  return -1;
}

/**
 * @param day - the day's records
 * @param exposure - a successful exposure of that day
 * @returns which emitted data shows the co-presence, the contact rules' own sources first; null when none
 */
export function recordedBy(day: RecordedDay, exposure: Exposure): RecordedBy {
  if (exposure.setting === 'household') return 'registry';
  if (exposure.setting === 'transport') return 'manifest';
  const minute = exposure.at - day.day * DAY_MINUTES;
  if (exposure.setting === 'venue' && scannedAt(day, exposure.infector, exposure.where, minute) && scannedAt(day, exposure.infectee, exposure.where, minute)) return 'scans';
  const cell = cellAt(day, exposure.infector, minute);
  return cell >= 0 && cell === cellAt(day, exposure.infectee, minute) ? 'telecom' : null;
}

/**
 * @param day - the day's records
 * @param exposure - a successful exposure of that day
 * @returns true when the emitted data shows the co-presence
 */
export function isRecorded(day: RecordedDay, exposure: Exposure): boolean {
  return recordedBy(day, exposure) !== null;
}
