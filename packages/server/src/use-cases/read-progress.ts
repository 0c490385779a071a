import { can, DomainError, type Actor } from '@epigrid/core';
import { findRegionInScope, getGridSummary, progressOfChildren, type ChildProgress, type GridSummary, type ProgressRegion } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** Task types whose closing means the person is under control (time to control counts on these). */
export const controlTaskTypes = ['verify_close_contact', 'home_isolation_tests'] as const;

/** The progress view of one level: the region and a line per child region. */
export interface ProgressReport {
  readonly region: ProgressRegion;
  readonly children: ChildProgress[];
}

/**
 * The progress per child region of a node in the user's jurisdiction (their own node by default):
 * open, done today (since local midnight of the server), overdue, median time to control.
 * @param services - application services
 * @param actor - the reader
 * @param code - region code, or null for the user's own node
 */
export async function readProgress(services: Services, actor: Actor, code: string | null): Promise<ProgressReport> {
  if (!can(actor, 'task.read')) throw new DomainError('forbidden', { ability: 'task.read' });
  const region = await findRegionInScope(services.db, actor.regionPath, code === null ? { id: actor.regionId } : { code });
  if (region === null) {
    await recordAudit(services, { actor, action: 'task.progress', purpose: 'supervision', subject: `region:${code}`, outcome: 'refused', details: { reason: 'outside_jurisdiction' } });
    throw new DomainError('outside_jurisdiction', { region: code });
  }
  const now = services.now();
  const dayStart = new Date(now);
  dayStart.setHours(0, 0, 0, 0);
  return { region, children: await progressOfChildren(services.db, region.id, now, dayStart, controlTaskTypes) };
}

/**
 * The grid of the signed-in user (for a grid worker's map), with its polygon and worker count.
 * @param services - application services
 * @param actor - the user
 */
export async function readMyGrid(services: Services, actor: Actor): Promise<GridSummary> {
  if (!can(actor, 'task.read')) throw new DomainError('forbidden', { ability: 'task.read' });
  const grid = await getGridSummary(services.db, actor.regionId);
  if (grid === null) throw new DomainError('not_found', { regionId: actor.regionId });
  return grid;
}
