import { assertSecondApprover, DomainError, type Actor, type HealthCodeJudgement } from '@epigrid/core';
import { decideOverrideRequest, getOverrideRequest, saveHealthCodes, type OverrideRequestRecord } from '@epigrid/store';
import type { Services } from '../../services.js';
import { recordAudit } from '../record-audit.js';
import { assertCodeAccess } from './code-override-access.js';
import { auditCodeChanges } from './recompute-health-codes.js';
import { refuseUnlinked } from './request-code-override.js';

/**
 * The second person approves (the colour is applied until the request's end) or refuses a pending
 * override. The requester may never approve their own request.
 * @param services - application services
 * @param actor - the approving user
 * @param id - the request
 * @param decision - approve or refuse
 * @returns the request as decided and the number of colour changes made
 */
export async function decideCodeOverride(services: Services, actor: Actor, id: number, decision: 'approve' | 'refuse'): Promise<{ request: OverrideRequestRecord; changes: number }> {
  const request = await getOverrideRequest(services.db, id);
  if (request === null) throw new DomainError('not_found', { overrideRequestId: id });
  const audit = { actor, action: 'health-code.override.decide', purpose: 'administration', subject: `override:${id}` } as const;
  try {
    assertSecondApprover(request.requestedBy, actor.userId);
  } catch (error) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'two_person_rule' } });
    throw error;
  }
  await assertCodeAccess(services, actor, 'code.override.approve', request.personIds, audit.action);
  if (request.status !== 'pending') throw new DomainError('conflict', { overrideRequestId: id, status: request.status });
  if (decision === 'approve') await refuseUnlinked(services, actor, request, 'approval');
  const now = services.now();
  const status = decision === 'approve' ? 'approved' : 'refused';
  let changes = 0;
  await services.db.transaction(async (tx) => {
    if (!(await decideOverrideRequest(tx, id, { status, by: actor.userId, byName: actor.username, at: now }))) {
      throw new DomainError('conflict', { overrideRequestId: id });
    }
    if (decision === 'approve') {
      const judgement: HealthCodeJudgement = {
        ruleSetId: 'manual',
        colour: request.targetColour,
        ruleId: `override/${request.reasonCode}`,
        reasonKey: 'override',
        since: Math.floor(now.getTime() / 1000),
        evidence: [],
        expiresAt: Math.floor(new Date(request.validUntil).getTime() / 1000),
        nextCondition: null,
        nextColour: null,
      };
      const made = await saveHealthCodes(
        tx,
        request.personIds.map((personId) => ({ personId, judgement, cause: 'override' as const, overrideRequestId: id, overrideUntil: new Date(request.validUntil) })),
        now,
      );
      await auditCodeChanges(tx, services, made, actor);
      changes = made.length;
    }
  });
  await recordAudit(services, { ...audit, outcome: 'allowed', details: { decision: status, requestedBy: request.requestedByName, personIds: request.personIds, changes } });
  return { request: (await getOverrideRequest(services.db, id))!, changes };
}
