import type { Evidence } from './contact-types.js';

/** Evidence gathered per person from several rules. */
export type EvidenceByPerson = Map<number, Evidence[]>;

/**
 * Adds one rule's findings for a person to the running collection. The list is kept (not copied)
 * when the person is new, so callers pass lists of their own.
 * @param into - collection, mutated
 * @param person - person id
 * @param list - evidence from one rule, owned by the collection from now on
 */
export function takeInto(into: EvidenceByPerson, person: number, list: Evidence[]): void {
  const current = into.get(person);
  if (current === undefined) into.set(person, list);
  else for (const e of list) current.push(e);
}

/**
 * Adds one rule's findings to the running collection (lists are copied).
 * @param into - collection, mutated
 * @param found - evidence per person from one rule
 */
export function mergeInto(into: EvidenceByPerson, found: ReadonlyMap<number, readonly Evidence[]>): void {
  for (const [person, list] of found) takeInto(into, person, [...list]);
}

const ascending = (a: number, b: number): number => a - b;

/**
 * The persons of a collection in ascending id order.
 * @param found - collection
 */
export function personsAscending(found: EvidenceByPerson): number[] {
  const persons: number[] = [];
  if (found.size > 64) {
    for (const person of found.keys()) persons.push(person);
    return persons.sort(ascending);
  }
  // Insertion as they come: a trace's few dozen contacts sort faster so than through comparator calls.
  for (const person of found.keys()) {
    let j = persons.length;
    persons.push(person);
    while (j > 0 && persons[j - 1]! > person) {
      persons[j] = persons[j - 1]!;
      j--;
    }
    persons[j] = person;
  }
  return persons;
}

const rank = (e: Evidence): number => ('rowKey' in e ? e.rowKey : 0);
const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const start = (e: Evidence): number => ('from' in e ? e.from : Number.MAX_SAFE_INTEGER);
// Two rows of the contact overlapping the same case row from the same instant must still sort one way.
const sourceRank = (e: Evidence): number => ('sourceRowKey' in e ? e.sourceRowKey : 0);
const compare = (a: Evidence, b: Evidence): number =>
  start(a) - start(b) || order(a.kind, b.kind) || rank(a) - rank(b) || sourceRank(a) - sourceRank(b) || order(a.ruleId, b.ruleId);

/**
 * Summary of one person's evidence: stable order, distinct rule ids, first and last exposure.
 * @param evidence - any order
 */
export function summarise(evidence: readonly Evidence[]): {
  readonly evidence: readonly Evidence[];
  readonly ruleIds: readonly string[];
  readonly firstExposure: number;
  readonly lastExposure: number;
} {
  const sorted = evidence.length === 1 ? [evidence[0]!] : [...evidence].sort(compare);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const ruleIds: string[] = [];
  for (const e of sorted) {
    // A person's evidence names one or two rules: a scan beats a Set.
    if (!ruleIds.includes(e.ruleId)) ruleIds.push(e.ruleId);
    if (!('from' in e)) continue;
    if (e.from < first) first = e.from;
    if (e.to > last) last = e.to;
  }
  if (ruleIds.length > 1) ruleIds.sort();
  return { evidence: sorted, ruleIds, firstExposure: first, lastExposure: last };
}
