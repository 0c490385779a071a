/**
 * The day's journeys on trains, coaches and planes: one leg per ride, seated once everyone's day
 * is planned.
 */
import type { Rng } from '../random.js';
import { assignSeats } from './timetable.js';
import type { Service } from './timetable.js';

/** Legs of one day as columns. */
export class TransportLegs {
  count = 0;
  readonly person: number[] = [];
  readonly service: number[] = [];
  /** Index of the ride stay in the day's presence. */
  readonly stay: number[] = [];
  /** Flat seat number (see seatOf), filled by {@link TransportLegs.seat}. */
  readonly flatSeat: number[] = [];

  /**
   * @param person - passenger
   * @param service - service index
   * @param stay - ride stay index
   * @returns the leg index
   */
  add(person: number, service: number, stay: number): number {
    this.person.push(person);
    this.service.push(service);
    this.stay.push(stay);
    this.flatSeat.push(-1);
    return this.count++;
  }

  /**
   * Seats every passenger, service by service, in a shuffled booking order.
   * @param rng - random stream
   * @param services - the timetable
   */
  seat(rng: Rng, services: readonly Service[]): void {
    const byService: number[][] = services.map(() => []);
    for (let k = 0; k < this.count; k++) byService[this.service[k]!]!.push(k);
    byService.forEach((legs, s) => {
      for (let i = legs.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [legs[i], legs[j]] = [legs[j]!, legs[i]!];
      }
      const seats = assignSeats(rng, services[s]!, legs.length);
      legs.forEach((leg, i) => (this.flatSeat[leg] = seats[i]!));
    });
  }

  /**
   * @returns leg indices grouped by service index
   */
  byService(serviceCount: number): number[][] {
    const out: number[][] = Array.from({ length: serviceCount }, () => []);
    for (let k = 0; k < this.count; k++) out[this.service[k]!]!.push(k);
    return out;
  }
}
