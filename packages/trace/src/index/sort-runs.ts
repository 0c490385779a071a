/** Result of {@link sortByKeyThenStart}: the row order and the key runs. */
export interface SortedRuns {
  /** New position → old row. */
  readonly order: Uint32Array;
  /** Distinct keys, ascending. */
  readonly runKeys: Uint32Array;
  /** Run r holds positions runStart[r] .. runStart[r + 1] − 1. */
  readonly runStart: Uint32Array;
}

/**
 * Orders rows by key then start without per-row objects: a counting sort by key, then each run
 * sorted by start through packed float keys (start · 2^bits + row), which typed-array sort handles
 * natively and exactly (starts are seconds within one day, < 2^17).
 * @param keys - key per row
 * @param starts - start per row, 0 ≤ start < 2^20
 */
export function sortByKeyThenStart(keys: Uint32Array, starts: Int32Array): SortedRuns {
  const n = keys.length;
  const rank = new Map<number, number>();
  for (let i = 0; i < n; i++) rank.set(keys[i]!, 0);
  const runKeys = Uint32Array.from(rank.keys()).sort();
  for (let r = 0; r < runKeys.length; r++) rank.set(runKeys[r]!, r);
  const runStart = new Uint32Array(runKeys.length + 1);
  const rowRank = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rank.get(keys[i]!)!;
    rowRank[i] = r;
    runStart[r + 1]!++;
  }
  for (let r = 0; r < runKeys.length; r++) runStart[r + 1]! += runStart[r]!;
  const next = runStart.slice(0, runKeys.length);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[next[rowRank[i]!]!++] = i;
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  const packed = new Float64Array(n);
  for (let p = 0; p < n; p++) packed[p] = starts[order[p]!]! * scale + order[p]!;
  for (let r = 0; r < runKeys.length; r++) {
    const a = runStart[r]!;
    const b = runStart[r + 1]!;
    if (b - a > 1) packed.subarray(a, b).sort();
  }
  for (let p = 0; p < n; p++) order[p] = packed[p]! % scale;
  return { order, runKeys, runStart };
}

/**
 * Positions sorted by person (then position), as a permutation: the per-person lookup column.
 * @param persons - person per (already sorted) row
 */
export function sortByPerson(persons: Uint32Array): Uint32Array {
  const n = persons.length;
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  let max = 0;
  for (let i = 0; i < n; i++) if (persons[i]! > max) max = persons[i]!;
  const out = new Uint32Array(n);
  if (max < 2 ** (53 - bits)) {
    const scale = 2 ** bits;
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = persons[i]! * scale + i;
    packed.sort();
    for (let i = 0; i < n; i++) out[i] = packed[i]! % scale;
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = i;
  return out.sort((a, b) => persons[a]! - persons[b]! || a - b);
}
