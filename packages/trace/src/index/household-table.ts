import type { HouseholdRow } from '../presence-rows.js';

/** One household: its id and members in insertion order (shared by every member's slot). */
interface Household {
  readonly id: number;
  members: number[];
}

/**
 * Household membership (person → household, household → members) from the registry. A person's
 * household is one array read for the dense ids of a city's registry (a hash lookup costs several
 * cache misses in a table of a million people).
 */
export class HouseholdTable {
  private readonly byId = new Map<number, Household>();
  /** Slots by person id while ids stay dense (at most 4 slots per person held). */
  private dense: (Household | undefined)[] = [];
  private readonly sparse = new Map<number, Household>();
  private persons = 0;

  /**
   * Sets memberships; a person already in another household moves.
   * @param rows - memberships
   */
  set(rows: readonly HouseholdRow[]): void {
    for (const { personId, householdId } of rows) {
      const old = this.slot(personId);
      if (old?.id === householdId) continue;
      if (old !== undefined) {
        old.members = old.members.filter((p) => p !== personId);
        if (old.members.length === 0) this.byId.delete(old.id);
      }
      let household = this.byId.get(householdId);
      if (household) household.members.push(personId);
      else {
        household = { id: householdId, members: [personId] };
        this.byId.set(householdId, household);
      }
      this.assign(personId, household);
    }
  }

  /**
   * The household of a person.
   * @param personId - person
   */
  of(personId: number): number | undefined {
    return this.slot(personId)?.id;
  }

  /**
   * Members of a household, in insertion order.
   * @param householdId - household
   */
  membersOf(householdId: number): readonly number[] {
    return this.byId.get(householdId)?.members ?? [];
  }

  /**
   * Members of a person's household (the person included), in insertion order; empty without one.
   * @param personId - person
   */
  membersWith(personId: number): readonly number[] {
    return this.slot(personId)?.members ?? [];
  }

  private slot(personId: number): Household | undefined {
    const inDense = personId >= 0 && personId < this.dense.length ? this.dense[personId] : undefined;
    return inDense ?? (this.sparse.size === 0 ? undefined : this.sparse.get(personId));
  }

  private assign(personId: number, household: Household): void {
    if (!this.fitsDense(personId)) {
      this.sparse.set(personId, household);
      return;
    }
    if (this.sparse.size > 0) this.sparse.delete(personId);
    if (personId >= this.dense.length) {
      // Grown filled, never with holes, so the array keeps fast elements.
      const grown = new Array<Household | undefined>(Math.max(personId + 1, this.dense.length * 2, 1024)).fill(undefined);
      for (let i = 0; i < this.dense.length; i++) grown[i] = this.dense[i];
      this.dense = grown;
    }
    if (this.dense[personId] === undefined) this.persons++;
    this.dense[personId] = household;
  }

  private fitsDense(personId: number): boolean {
    if (!Number.isInteger(personId) || personId < 0) return false;
    return personId < this.dense.length || Math.max(personId + 1, this.dense.length * 2) <= 4 * this.persons + 2048;
  }
}
