/**
 * Transmission during one day, only along the co-presence the day's stays create: at home with the
 * household, at work with the team, at school with the class, at a venue with whoever overlapped
 * (dose-response on the overlap, diluted by the venue's size), and on a train, coach or plane with
 * passengers of the same carriage within two rows. Only people infectious at the start of the day
 * transmit (nobody becomes infectious within a day of infection), so the order of events does not
 * matter; a person exposed several times is infected by the earliest successful exposure.
 */
import type { CityIndex } from '../motion/city-index.js';
import { stayKinds } from '../motion/day-presence.js';
import type { DayPresence } from '../motion/day-presence.js';
import { seatOf } from '../motion/timetable.js';
import type { Service } from '../motion/timetable.js';
import type { TransportLegs } from '../motion/transport-legs.js';
import type { Rng } from '../random.js';
import { infectiousMass } from './natural-history.js';
import type { OutbreakState, Setting } from './outbreak-state.js';
import type { SimConfig } from './sim-config.js';
import { DAY_MINUTES } from './sim-clock.js';

/** A successful exposure, before it is written as ground truth. */
export interface Exposure {
  readonly infectee: number;
  readonly infector: number;
  readonly setting: Setting;
  /** Household index, place index or service index. */
  readonly where: number;
  /** Simulation minute. */
  readonly at: number;
}

/** The day's inputs to transmission. */
export interface TransmissionDay {
  readonly day: number;
  readonly presence: DayPresence;
  readonly legs: TransportLegs;
  readonly services: readonly Service[];
}

/** Venue stays grouped by place (counting sort). */
function venueIndex(presence: DayPresence, places: number): { first: Int32Array; stays: Int32Array } {
  const first = new Int32Array(places + 1);
  for (let i = 0; i < presence.count; i++) if (presence.kind[i] === stayKinds.venue) first[presence.place[i]! + 1]!++;
  for (let p = 0; p < places; p++) first[p + 1]! += first[p]!;
  const fill = first.slice(0, places);
  const stays = new Int32Array(first[places]!);
  for (let i = 0; i < presence.count; i++) if (presence.kind[i] === stayKinds.venue) stays[fill[presence.place[i]!]!++] = i;
  return { first, stays };
}

/**
 * Runs one day of transmission.
 * @param rng - the day's transmission stream
 * @param index - city lookups
 * @param config - parameters
 * @param state - infections so far (read only here)
 * @param input - the day's presence and transport legs
 * @returns successful exposures, earliest per infectee, ordered by time then infectee
 */
export function transmit(rng: Rng, index: CityIndex, config: SimConfig, state: OutbreakState, input: TransmissionDay): Exposure[] {
  const { presence, legs, services, day } = input;
  const dayStart = day * DAY_MINUTES;
  const dayEnd = dayStart + DAY_MINUTES;
  const { city, groups } = index;
  const rates = config.rates;
  const best = new Map<number, Exposure>();
  let venues: { first: Int32Array; stays: Int32Array } | null = null;
  let legsByService: number[][] | null = null;

  const sources = state.infected.filter((i) => state.infectedAt[i]! < dayStart && state.end[i]! > dayStart && state.start[i]! < dayEnd);
  for (const i of sources) {
    const rel = state.asymptomatic[i] === 1 ? config.asymptomaticRelativeInfectiousness : 1;
    const mass = (s: number, e: number): number => infectiousMass(state.start[i]!, state.peak[i]!, state.end[i]!, dayStart + s, dayStart + e);
    const expose = (j: number, hazard: number, setting: Setting, where: number, from: number, to: number): void => {
      if (hazard <= 0) return;
      const hit = rng.float() < 1 - Math.exp(-hazard);
      if (!hit) return;
      // The moment falls where the overlap and the infector's infectious period meet.
      const lo = Math.max(from, state.start[i]! - dayStart);
      const hi = Math.min(to, state.end[i]! - dayStart);
      const at = dayStart + lo + Math.floor(rng.float() * Math.max(0, hi - lo));
      const known = best.get(j);
      if (known === undefined || at < known.at || (at === known.at && i < known.infector)) best.set(j, { infectee: j, infector: i, setting, where, at });
    };
    const a0 = presence.firstOf[i]!;
    const a1 = presence.firstOf[i + 1]!;

    // Household: the hours both spend at home.
    const household = city.people.household[i]!;
    const hFirst = city.households.firstMember[household]!;
    for (let j = hFirst; j < hFirst + city.households.size[household]!; j++) {
      if (j === i || !state.susceptible(j)) continue;
      let total = 0;
      let from = -1;
      let to = -1;
      for (let a = a0; a < a1; a++) {
        if (presence.kind[a] !== stayKinds.home) continue;
        for (let b = presence.firstOf[j]!; b < presence.firstOf[j + 1]!; b++) {
          if (presence.kind[b] !== stayKinds.home) continue;
          const s = Math.max(presence.start[a]!, presence.start[b]!);
          const e = Math.min(presence.end[a]!, presence.end[b]!);
          if (e <= s) continue;
          const m = mass(s, e);
          if (m <= 0) continue;
          total += m;
          // The infection time falls in one shared interval, chosen in proportion to its infectiousness.
          if (from < 0 || rng.float() < m / total) [from, to] = [s, e];
        }
      }
      if (from >= 0) expose(j, rates.household * rel * total, 'household', household, from, to);
    }

    for (let a = a0; a < a1; a++) {
      const kind = presence.kind[a]!;
      const s0 = presence.start[a]!;
      const e0 = presence.end[a]!;
      if (kind === stayKinds.work || kind === stayKinds.school) {
        const g = groups.groupOf[i]!;
        if (g < 0) continue;
        const rate = kind === stayKinds.work ? rates.workplace : rates.school;
        const setting: Setting = kind === stayKinds.work ? 'workplace' : 'school';
        for (let m = groups.first[g]!; m < groups.first[g + 1]!; m++) {
          const j = groups.members[m]!;
          if (j === i || !state.susceptible(j)) continue;
          for (let b = presence.firstOf[j]!; b < presence.firstOf[j + 1]!; b++) {
            if (presence.kind[b] !== kind || presence.place[b] !== presence.place[a]) continue;
            const s = Math.max(s0, presence.start[b]!);
            const e = Math.min(e0, presence.end[b]!);
            if (e > s) expose(j, rate * rel * mass(s, e), setting, presence.place[a]!, s, e);
          }
        }
      } else if (kind === stayKinds.venue) {
        venues ??= venueIndex(presence, city.places.length);
        const place = presence.place[a]!;
        const crowding = Math.min(1, config.venueCrowdingPeople / Math.max(1, city.places[place]!.capacity));
        for (let k = venues.first[place]!; k < venues.first[place + 1]!; k++) {
          const b = venues.stays[k]!;
          const j = presence.person[b]!;
          if (j === i || !state.susceptible(j)) continue;
          const s = Math.max(s0, presence.start[b]!);
          const e = Math.min(e0, presence.end[b]!);
          if (e > s) expose(j, rates.venue * crowding * rel * mass(s, e), 'venue', place, s, e);
        }
      } else if (kind === stayKinds.ride) {
        legsByService ??= legs.byService(services.length);
        const leg = presence.place[a]!;
        const service = services[legs.service[leg]!]!;
        const mine = seatOf(service, legs.flatSeat[leg]!);
        for (const other of legsByService[legs.service[leg]!]!) {
          const j = legs.person[other]!;
          if (j === i || !state.susceptible(j)) continue;
          const seat = seatOf(service, legs.flatSeat[other]!);
          const rows = Math.abs(seat.row - mine.row);
          if (seat.carriage !== mine.carriage || rows > 2) continue;
          const weight = (rows === 0 ? 1 : rows === 1 ? 0.5 : 0.25) * (service.enclosed ? 1 : 0.5);
          expose(j, rates.transport * weight * rel * mass(s0, e0), 'transport', legs.service[leg]!, s0, e0);
        }
      }
    }
  }
  return [...best.values()].sort((x, y) => x.at - y.at || x.infectee - y.infectee);
}
