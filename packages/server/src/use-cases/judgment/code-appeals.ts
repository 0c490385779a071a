import { appealDeadline, can, DomainError, typesFiredBy, type Actor } from '@epigrid/core';
import { closeAppealTasks, decideAppeal, getAppeal, insertAppeal, listAppeals, personIdOfUser, personRegionPaths, readHealthCode, type AppealRecord } from '@epigrid/store';
import type { Services } from '../../services.js';
import { fireTriggerTasks } from '../fire-trigger-tasks.js';
import { pushTasks } from '../push-tasks.js';
import { recordAudit } from '../record-audit.js';
import { recomputeHealthCodes } from './recompute-health-codes.js';

/**
 * Files an appeal against a colour: a member of the public for themselves (their linked person), a
 * grid worker for a resident of their grid. A reviewer must decide it before the deadline: the
 * appeal becomes a review task routed to the reviewers the task type names.
 * @param services - application services
 * @param actor - the filing user
 * @param input - the person (ignored for the public: always their own) and the reason
 */
export async function fileAppeal(services: Services, actor: Actor, input: { personId?: number | undefined; reason: string }): Promise<AppealRecord> {
  if (!can(actor, 'appeal.file')) throw new DomainError('forbidden', { ability: 'appeal.file' });
  const reason = input.reason.trim();
  if (reason.length < 5) throw new DomainError('validation_failed', { field: 'reason', reason: 'say in a few words why the colour is wrong' });
  let personId: number;
  if (actor.role === 'public') {
    const own = await personIdOfUser(services.db, actor.userId);
    if (own === null) throw new DomainError('not_found', { reason: 'this account is not linked to a person' });
    if (input.personId !== undefined && input.personId !== own) throw new DomainError('forbidden', { reason: 'the public may appeal only their own code' });
    personId = own;
  } else {
    if (input.personId === undefined) throw new DomainError('validation_failed', { field: 'personId', reason: 'required' });
    const path = (await personRegionPaths(services.db, [input.personId])).get(input.personId);
    if (path === undefined) throw new DomainError('not_found', { personId: input.personId });
    if (!can(actor, 'appeal.file', path)) throw new DomainError('outside_jurisdiction', { personId: input.personId });
    personId = input.personId;
  }
  const code = await readHealthCode(services.db, personId);
  const now = services.now();
  const appeal = await insertAppeal(services.db, {
    personId,
    filedBy: actor.userId,
    filedByRole: actor.role,
    reason,
    colourAtFiling: code?.colour ?? 'green',
    ruleIdAtFiling: code?.ruleId ?? 'none',
    filedAt: now,
    deadline: appealDeadline(now),
  });
  await recordAudit(services, { actor, action: 'health-code.appeal.file', purpose: 'administration', subject: `person:${personId}`, outcome: 'allowed', details: { appealId: appeal.id } });
  // The review task is created, routed to a reviewer and pushed at once, not on the next minute's pass.
  await fireTriggerTasks(services, 'appeal');
  return appeal;
}

/**
 * Appeals visible to the actor: reviewers and grid workers see their jurisdiction (overdue ones
 * flagged), the public their own.
 * @param services - application services
 * @param actor - the reader
 * @param options - only open ones
 */
export async function listAppealsForActor(services: Services, actor: Actor, options: { openOnly?: boolean } = {}): Promise<AppealRecord[]> {
  if (actor.role === 'public') {
    const own = await personIdOfUser(services.db, actor.userId);
    if (own === null) return [];
    return listAppeals(services.db, '', services.now(), { ...options, personId: own });
  }
  if (!can(actor, 'appeal.decide') && !can(actor, 'appeal.file')) throw new DomainError('forbidden', { ability: 'appeal.decide' });
  return listAppeals(services.db, actor.regionPath, services.now(), options);
}

/**
 * A reviewer decides an open appeal and records the outcome, closing its review task in the same
 * transaction; an upheld appeal re-judges the person at once from the (corrected) facts. The reviewer
 * may not be the one who filed it.
 * @param services - application services
 * @param actor - the reviewer
 * @param id - the appeal
 * @param decision - upheld or rejected, with the outcome in words
 */
export async function decideAppealForActor(services: Services, actor: Actor, id: number, decision: { status: 'upheld' | 'rejected'; outcome: string }): Promise<AppealRecord> {
  if (!can(actor, 'appeal.decide')) throw new DomainError('forbidden', { ability: 'appeal.decide' });
  const appeal = await getAppeal(services.db, id, services.now());
  if (appeal === null) throw new DomainError('not_found', { appealId: id });
  if (!can(actor, 'appeal.decide', appeal.personRegionPath)) throw new DomainError('outside_jurisdiction', { appealId: id });
  if (appeal.filedBy === actor.userId) throw new DomainError('two_person_rule', { appealId: id });
  if (decision.outcome.trim().length < 5) throw new DomainError('validation_failed', { field: 'outcome', reason: 'record the outcome in a few words' });
  const at = services.now();
  const closed = await services.db.transaction(async (tx) => {
    const decided = await decideAppeal(tx, id, { status: decision.status, outcome: decision.outcome.trim(), reviewerId: actor.userId, reviewerName: actor.username, at });
    if (!decided) return null;
    return closeAppealTasks(tx, id, typesFiredBy('appeal').map((t) => t.id), at);
  });
  if (closed === null) throw new DomainError('conflict', { appealId: id, status: appeal.status });
  await pushTasks(services, closed);
  await recordAudit(services, {
    actor,
    action: 'health-code.appeal.decide',
    purpose: 'administration',
    subject: `person:${appeal.personId}`,
    outcome: 'allowed',
    details: { appealId: id, status: decision.status, overdue: appeal.overdue },
  });
  if (decision.status === 'upheld') await recomputeHealthCodes(services, [appeal.personId]);
  return (await getAppeal(services.db, id, services.now()))!;
}
