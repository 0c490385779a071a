import type { TicketRow, VehicleMode } from '../presence-rows.js';

/** A stored ticket as the algorithms read it (manifests are small, so these are plain objects). */
export interface Ticket {
  readonly personId: number;
  readonly mode: VehicleMode;
  readonly serviceId: string;
  readonly serviceDate: string;
  /** Local day number of the service date, for retention. */
  readonly serviceDay: number;
  readonly departure: number;
  readonly arrival: number;
  readonly carriage: string | null;
  readonly seatRow: number;
  readonly seat: string;
  readonly enclosed: boolean;
  readonly rowKey: number;
}

/** Key of one service run: mode, service number and date. */
export function serviceKeyOf(t: Pick<TicketRow, 'mode' | 'serviceId' | 'serviceDate'>): string {
  return `${t.mode}|${t.serviceId}|${t.serviceDate}`;
}

/** Transport tickets grouped by service + date, with a per-person lookup. */
export class TicketTable {
  private readonly byService = new Map<string, Ticket[]>();
  private readonly byPerson = new Map<number, Ticket[]>();
  private readonly keys = new Set<number>();
  private count = 0;

  /** Tickets held. */
  get rows(): number {
    return this.count;
  }

  /**
   * Adds tickets; a row key already held is ignored (re-import is idempotent).
   * @param rows - tickets
   * @param dayOf - local day number of a service date
   */
  append(rows: readonly TicketRow[], dayOf: (date: string) => number): void {
    for (const row of rows) {
      if (this.keys.has(row.rowKey)) continue;
      this.keys.add(row.rowKey);
      const ticket: Ticket = { ...row, serviceDay: dayOf(row.serviceDate) };
      push(this.byService, serviceKeyOf(row), ticket);
      push(this.byPerson, row.personId, ticket);
      this.count++;
    }
  }

  /**
   * Tickets of a person whose journey overlaps [from, to].
   * @param personId - person
   * @param from - epoch seconds
   * @param to - epoch seconds
   */
  of(personId: number, from: number, to: number): readonly Ticket[] {
    return (this.byPerson.get(personId) ?? []).filter((t) => t.departure <= to && t.arrival >= from);
  }

  /**
   * Every ticket of one service run.
   * @param serviceKey - from {@link serviceKeyOf}
   */
  onService(serviceKey: string): readonly Ticket[] {
    return this.byService.get(serviceKey) ?? [];
  }

  /**
   * Drops services dated before a day.
   * @param day - first local day number kept
   * @returns tickets dropped
   */
  dropBefore(day: number): number {
    let dropped = 0;
    for (const [key, tickets] of this.byService) {
      if (tickets[0]!.serviceDay >= day) continue;
      this.byService.delete(key);
      for (const t of tickets) {
        this.keys.delete(t.rowKey);
        const mine = this.byPerson.get(t.personId)!.filter((x) => x !== t);
        if (mine.length === 0) this.byPerson.delete(t.personId);
        else this.byPerson.set(t.personId, mine);
      }
      dropped += tickets.length;
    }
    this.count -= dropped;
    return dropped;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
