import { dayNumberOf, type SerialInterval } from '@epigrid/core';
import { discretisedGamma } from './gamma.js';
import type { ChainCase, TracedLink } from './traced-links.js';
import type { CandidateInfector, InfectorRanking } from '@epigrid/core';
export type { CandidateInfector, InfectorRanking };



/** Result of {@link rankInfectors}. */
export interface ChainAnalysis {
  readonly rankings: readonly InfectorRanking[];
  /** Case reproduction number R_j = Σ_i p_ij per case id (not right-censoring corrected). */
  readonly reproduction: ReadonlyMap<number, number>;
}

/**
 * Wallinga–Teunis (Am J Epidemiol 2004): p_ij = w(t_i − t_j) / Σ_k w(t_i − t_k), w the discretised
 * gamma serial interval; k ranges over the case's traced infectors when it has any with w > 0, else
 * over all cases. Imported cases get no ranking (infectors only).
 * @param cases - cases with their onset/sampling dates
 * @param links - traced case–case links
 * @param serialInterval - the profile's serial interval
 */
export function rankInfectors(cases: readonly ChainCase[], links: readonly TracedLink[], serialInterval: SerialInterval): ChainAnalysis {
  const w = discretisedGamma(serialInterval.meanDays, serialInterval.sdDays, 60);
  const dayOf = new Map(cases.map((c) => [c.caseId, dayNumberOf(c.date)]));
  const tracedInfectors = new Map<number, Set<number>>();
  for (const l of links) tracedInfectors.set(l.infecteeCaseId, (tracedInfectors.get(l.infecteeCaseId) ?? new Set()).add(l.infectorCaseId));
  const weight = (i: ChainCase, j: ChainCase): number => {
    const gap = dayOf.get(i.caseId)! - dayOf.get(j.caseId)!;
    return gap >= 1 && gap < w.length ? w[gap]! : 0;
  };
  const reproduction = new Map<number, number>(cases.map((c) => [c.caseId, 0]));
  const rankings: InfectorRanking[] = [];
  for (const i of [...cases].sort((a, b) => a.caseId - b.caseId)) {
    if (i.imported) continue;
    const traced = tracedInfectors.get(i.caseId) ?? new Set<number>();
    const all = cases.filter((j) => j.caseId !== i.caseId && weight(i, j) > 0);
    const tracedPool = all.filter((j) => traced.has(j.caseId));
    const pool = tracedPool.length > 0 ? tracedPool : all;
    const total = pool.reduce((s, j) => s + weight(i, j), 0);
    const candidates = pool
      .map((j) => ({ caseId: j.caseId, likelihood: weight(i, j) / total, intervalDays: dayOf.get(i.caseId)! - dayOf.get(j.caseId)!, traced: traced.has(j.caseId) }))
      .sort((a, b) => b.likelihood - a.likelihood || a.caseId - b.caseId);
    for (const c of candidates) reproduction.set(c.caseId, reproduction.get(c.caseId)! + c.likelihood);
    rankings.push({ caseId: i.caseId, candidates, restrictedToTraced: tracedPool.length > 0 });
  }
  return { rankings, reproduction };
}
