/**
 * Where everyone was during one simulated day, as columns: each person's day is a time-ordered run
 * of stays (home, work, school, a venue, a ride on a train/coach/plane, away from the city, an
 * isolation hotel), with the gaps between stays spent travelling. Times are minutes of the day,
 * [start, end), 0 … 1440.
 */

/** The kinds of stays. */
export const stayKinds = { home: 0, work: 1, school: 2, venue: 3, ride: 4, away: 5, hotel: 6 } as const;

/** One of {@link stayKinds}. */
export type StayKind = (typeof stayKinds)[keyof typeof stayKinds];

/**
 * A person's stays while their day is planned (at most a few dozen). `place` is the household for
 * home, the place index for work/school/venue/hotel, the service index for a ride and -1 for away.
 */
export class StayBuffer {
  count = 0;
  readonly kind = new Uint8Array(32);
  readonly place = new Int32Array(32);
  readonly start = new Int16Array(32);
  readonly end = new Int16Array(32);

  /** Forgets all stays. */
  clear(): void {
    this.count = 0;
  }

  /**
   * Appends a stay; ignores empty ones and anything past the buffer's size.
   * @param kind - stay kind
   * @param place - see the class comment
   * @param start - minute of the day
   * @param end - minute of the day (exclusive), ≤ 1440
   */
  push(kind: StayKind, place: number, start: number, end: number): void {
    const s = Math.max(0, start);
    const e = Math.min(1440, end);
    if (e <= s || this.count >= 32) return;
    const k = this.count++;
    this.kind[k] = kind;
    this.place[k] = place;
    this.start[k] = s;
    this.end[k] = e;
  }
}

/** All stays of one day, grouped by person (person i owns stays firstOf[i] … firstOf[i + 1] - 1). */
export class DayPresence {
  count = 0;
  person: Int32Array;
  kind: Uint8Array;
  /** For rides: the index of the leg in the day's transport legs. */
  place: Int32Array;
  start: Int16Array;
  end: Int16Array;
  readonly firstOf: Int32Array;

  /**
   * @param people - number of people in the city
   */
  constructor(people: number) {
    const capacity = Math.max(1024, people * 5);
    this.person = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.place = new Int32Array(capacity);
    this.start = new Int16Array(capacity);
    this.end = new Int16Array(capacity);
    this.firstOf = new Int32Array(people + 1);
  }

  /**
   * Appends the buffered stays of a person (people must be appended in index order).
   * @param person - person index
   * @param buffer - their planned stays
   * @param legOf - maps a ride's service index to a new leg index
   */
  append(person: number, buffer: StayBuffer, legOf: (service: number, stay: number) => number): void {
    this.firstOf[person] = this.count;
    if (this.count + buffer.count > this.person.length) this.grow();
    for (let k = 0; k < buffer.count; k++) {
      const i = this.count++;
      this.person[i] = person;
      this.kind[i] = buffer.kind[k]!;
      this.start[i] = buffer.start[k]!;
      this.end[i] = buffer.end[k]!;
      this.place[i] = buffer.kind[k] === stayKinds.ride ? legOf(buffer.place[k]!, i) : buffer.place[k]!;
    }
    this.firstOf[person + 1] = this.count;
  }

  private grow(): void {
    const size = this.person.length * 2;
    const grow = <T extends Int32Array | Int16Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.person = grow(this.person, (n) => new Int32Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.place = grow(this.place, (n) => new Int32Array(n));
    this.start = grow(this.start, (n) => new Int16Array(n));
    this.end = grow(this.end, (n) => new Int16Array(n));
  }
}
