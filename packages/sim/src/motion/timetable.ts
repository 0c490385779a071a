/**
 * The trains, coaches and flights that leave the city in the morning and come back in the
 * evening, the same every day, with their seat maps; and seat assignment for a day's passengers
 * (booked front to back with random gaps, so passengers sit near each other as on a real service).
 */
import type { Rng } from '../random.js';

/** Modes of the transport source. */
export type TransportMode = 'train' | 'coach' | 'plane';

/** One scheduled service. */
export interface Service {
  /** e.g. `G1201`, `K3302`, `CZ3101`. */
  readonly id: string;
  readonly mode: TransportMode;
  readonly origin: string;
  readonly destination: string;
  /** Minute of the day. */
  readonly depart: number;
  readonly arrive: number;
  /** Carriages (1 for coaches and planes). */
  readonly carriages: number;
  readonly rows: number;
  readonly seatLetters: string;
  readonly enclosed: boolean;
  /** True when the service leaves the city, false when it comes back. */
  readonly outbound: boolean;
  /** Index of the destination (the other end) in its mode's list. */
  readonly route: number;
}

/** The city's own station of each mode. */
export const homeStations = { train: 'SFQ', coach: 'SFK', plane: 'SFA' } as const;
/** The other end of each route, per mode (the route index is the position here). */
export const destinationStations: Readonly<Record<TransportMode, readonly string[]>> = {
  train: ['IZQ', 'IOQ', 'CWQ', 'WHN'],
  coach: ['ZQK', 'FSK', 'DGK', 'HZK'],
  plane: ['PEK', 'SHA', 'CTU', 'XIY'],
};
const SHAPE: Readonly<Record<TransportMode, { carriages: number; rows: number; seats: string; minutes: [number, number]; prefix: string }>> = {
  train: { carriages: 8, rows: 18, seats: 'ABCDF', minutes: [60, 150], prefix: 'G' },
  coach: { carriages: 1, rows: 12, seats: '1234', minutes: [90, 180], prefix: 'K' },
  plane: { carriages: 1, rows: 30, seats: 'ABCDEF', minutes: [120, 200], prefix: 'CZ' },
};

/**
 * Builds the daily timetable.
 * @param rng - random stream (timetable phase)
 * @returns services, outbound ones first per route
 */
export function buildTimetable(rng: Rng): readonly Service[] {
  const services: Service[] = [];
  let number = 1201;
  for (const mode of ['train', 'coach', 'plane'] as const) {
    const shape = SHAPE[mode];
    destinationStations[mode].forEach((end, route) => {
      const minutes = rng.int(shape.minutes[0], shape.minutes[1]);
      const enclosed = mode !== 'coach' || rng.chance(0.7);
      for (const outbound of [true, false]) {
        for (let k = 0; k < 3; k++) {
          const depart = outbound ? 390 + k * 60 + rng.int(0, 40) : 960 + k * 60 + rng.int(0, 40);
          services.push({
            id: `${shape.prefix}${number++}`,
            mode,
            origin: outbound ? homeStations[mode] : end,
            destination: outbound ? end : homeStations[mode],
            depart,
            arrive: depart + minutes,
            carriages: shape.carriages,
            rows: shape.rows,
            seatLetters: shape.seats,
            enclosed,
            outbound,
            route,
          });
        }
      }
    });
  }
  return services;
}

/** A seat of a leg. */
export interface Seat {
  readonly carriage: number;
  readonly row: number;
  readonly seat: number;
}

/**
 * Assigns seats to the passengers of one service: front to back, skipping about one seat in
 * three, and past the last seat wrapping into unused ones.
 * @param rng - random stream
 * @param service - the service
 * @param passengers - number of passengers
 * @returns flat seat numbers (carriage-major, then row, then seat), one per passenger, distinct
 */
export function assignSeats(rng: Rng, service: Service, passengers: number): Int32Array {
  const perRow = service.seatLetters.length;
  const capacity = service.carriages * service.rows * perRow;
  const taken = new Uint8Array(capacity);
  const out = new Int32Array(passengers);
  let next = rng.int(0, perRow - 1);
  for (let p = 0; p < passengers; p++) {
    next += rng.chance(0.35) ? 2 : 1;
    let slot = next % capacity;
    while (taken[slot] === 1 && p < capacity) slot = (slot + 1) % capacity;
    taken[slot] = 1;
    out[p] = p < capacity ? slot : capacity + p;
  }
  return out;
}

/**
 * @param service - the service
 * @param flat - a flat seat number from {@link assignSeats}
 * @returns carriage (1-based), row (1-based) and seat index within the row
 */
export function seatOf(service: Service, flat: number): Seat {
  const perRow = service.seatLetters.length;
  const perCarriage = service.rows * perRow;
  const carriage = Math.floor(flat / perCarriage);
  const within = flat % perCarriage;
  return { carriage: carriage + 1, row: Math.floor(within / perRow) + 1, seat: within % perRow };
}
