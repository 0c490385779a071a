import type { Evidence } from './contact-types.js';

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
 * @param owned - the caller hands the list over: it is sorted in place and returned, not copied
 */
export function summarise(evidence: readonly Evidence[], owned = false): {
  readonly evidence: readonly Evidence[];
  readonly ruleIds: readonly string[];
  readonly firstExposure: number;
  readonly lastExposure: number;
} {
  const sorted = owned ? (evidence as Evidence[]).sort(compare) : evidence.length === 1 ? [evidence[0]!] : [...evidence].sort(compare);
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
