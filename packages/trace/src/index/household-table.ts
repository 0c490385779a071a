import type { HouseholdRow } from '../presence-rows.js';

/** Household membership (person → household, household → members) from the registry. */
export class HouseholdTable {
  private readonly householdOf = new Map<number, number>();
  private readonly members = new Map<number, number[]>();

  /**
   * Sets memberships; a person already in another household moves.
   * @param rows - memberships
   */
  set(rows: readonly HouseholdRow[]): void {
    for (const { personId, householdId } of rows) {
      const old = this.householdOf.get(personId);
      if (old === householdId) continue;
      if (old !== undefined) {
        const left = this.members.get(old)!.filter((p) => p !== personId);
        if (left.length === 0) this.members.delete(old);
        else this.members.set(old, left);
      }
      this.householdOf.set(personId, householdId);
      const list = this.members.get(householdId);
      if (list) list.push(personId);
      else this.members.set(householdId, [personId]);
    }
  }

  /**
   * The household of a person.
   * @param personId - person
   */
  of(personId: number): number | undefined {
    return this.householdOf.get(personId);
  }

  /**
   * Members of a household, in insertion order.
   * @param householdId - household
   */
  membersOf(householdId: number): readonly number[] {
    return this.members.get(householdId) ?? [];
  }
}
