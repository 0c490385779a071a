import type { Evidence } from './contact-types.js';

/** Up to this many persons, a person is found by scanning the list (a trace meets a few dozen). */
const SCAN_LIMIT = 128;

/**
 * Evidence gathered per person from several rules for one source person: parallel lists of
 * persons and their evidence. A trace meets a few dozen people, so a person is found by a short
 * scan rather than through a hash map (a map is made only for larger sets), and the final order
 * comes from an insertion sort of those few.
 */
export class PersonEvidence {
  private readonly persons: number[] = [];
  private readonly lists: Evidence[][] = [];
  private slots: Map<number, number> | null = null;

  /** Number of persons held. */
  get size(): number {
    return this.persons.length;
  }

  /**
   * Adds one rule's findings for a person not held yet (the venue scan reports each person once).
   * The list is kept, not copied.
   * @param person - person id
   * @param list - evidence from one rule
   */
  addNew(person: number, list: Evidence[]): void {
    this.slots?.set(person, this.persons.length);
    this.persons.push(person);
    this.lists.push(list);
  }

  /**
   * Adds one rule's findings for a person, appended to theirs when already held. A new person's
   * list is kept, not copied.
   * @param person - person id
   * @param list - evidence from one rule
   */
  add(person: number, list: Evidence[]): void {
    const k = this.find(person);
    if (k < 0) this.addNew(person, list);
    else for (const e of list) this.lists[k]!.push(e);
  }

  /**
   * Visits every person in ascending id order with their evidence (in the order added). The
   * collection is sorted in place: add nothing after.
   * @param visit - receives (person, evidence)
   */
  forEachAscending(visit: (person: number, evidence: Evidence[]) => void): void {
    const persons = this.persons;
    const lists = this.lists;
    const n = persons.length;
    if (n <= 64) {
      for (let i = 1; i < n; i++) {
        const person = persons[i]!;
        const list = lists[i]!;
        let j = i - 1;
        for (; j >= 0 && persons[j]! > person; j--) {
          persons[j + 1] = persons[j]!;
          lists[j + 1] = lists[j]!;
        }
        persons[j + 1] = person;
        lists[j + 1] = list;
      }
      for (let k = 0; k < n; k++) visit(persons[k]!, lists[k]!);
      return;
    }
    const order = persons.map((_, k) => k).sort((a, b) => persons[a]! - persons[b]!);
    for (const k of order) visit(persons[k]!, lists[k]!);
  }

  private find(person: number): number {
    if (this.slots !== null) return this.slots.get(person) ?? -1;
    const persons = this.persons;
    if (persons.length <= SCAN_LIMIT) return persons.indexOf(person);
    this.slots = new Map();
    for (let k = 0; k < persons.length; k++) this.slots.set(persons[k]!, k);
    return this.slots.get(person) ?? -1;
  }
}
