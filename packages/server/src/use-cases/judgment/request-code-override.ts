import { DomainError, isOverrideReasonCode, maxOverrideDays, overrideReasonCodes, unlinkedTargets, type Actor, type CodeColour } from '@epigrid/core';
import { epidemiologicallyLinked, insertCodeAlert, insertOverrideRequest, type OverrideRequestRecord } from '@epigrid/store';
import type { Services } from '../../services.js';
import { recordAudit } from '../record-audit.js';
import { assertCodeAccess } from './code-override-access.js';

/** What an authorised user asks to change by hand. */
export interface OverrideInput {
  readonly personIds: readonly number[];
  readonly targetColour: CodeColour;
  readonly reasonCode: string;
  readonly note: string;
  /** Days the manual colour holds, at most {@link maxOverrideDays}. */
  readonly validDays: number;
}

/**
 * Refuses, alerts and audits a change that would colour people with no epidemiological link.
 * @param services - application services
 * @param actor - the acting user
 * @param input - the request
 * @param stage - `request` or `approval`
 * @throws DomainError `unlinked_bulk_change` listing the unlinked persons
 */
export async function refuseUnlinked(services: Services, actor: Actor, input: Pick<OverrideInput, 'personIds' | 'targetColour' | 'reasonCode'>, stage: string): Promise<void> {
  const linked = await epidemiologicallyLinked(services.db, input.personIds);
  const unlinked = unlinkedTargets(input.targetColour, input.personIds, linked);
  if (unlinked.length === 0) return;
  const details = { stage, targetColour: input.targetColour, reasonCode: input.reasonCode, persons: input.personIds.length, unlinked: unlinked.length };
  const alertId = await insertCodeAlert(services.db, {
    kind: 'unlinked-change',
    actorId: actor.userId,
    actorName: actor.username,
    regionPath: actor.regionPath,
    personIds: unlinked,
    details,
    raisedAt: services.now(),
  });
  await recordAudit(services, { actor, action: 'health-code.override.refused', purpose: 'administration', subject: null, outcome: 'refused', details: { ...details, alertId, unlinkedPersonIds: unlinked } });
  throw new DomainError('unlinked_bulk_change', { unlinkedPersonIds: unlinked, alertId });
}

/**
 * Asks for a manual colour change. It takes effect only when another authorised user approves it.
 * @param services - application services
 * @param actor - the requesting user
 * @param input - persons, colour, reason code, note, validity
 */
export async function requestCodeOverride(services: Services, actor: Actor, input: OverrideInput): Promise<OverrideRequestRecord> {
  if (!isOverrideReasonCode(input.reasonCode)) {
    throw new DomainError('validation_failed', { field: 'reasonCode', reason: `must be one of ${overrideReasonCodes.join(', ')}` });
  }
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) throw new DomainError('validation_failed', { field: 'personIds', reason: 'name at least one person' });
  if (input.validDays < 1 || input.validDays > maxOverrideDays) {
    throw new DomainError('validation_failed', { field: 'validDays', reason: `must be 1 to ${maxOverrideDays}` });
  }
  await assertCodeAccess(services, actor, 'code.override.request', personIds, 'health-code.override.request');
  await refuseUnlinked(services, actor, { ...input, personIds }, 'request');
  const now = services.now();
  const request = await insertOverrideRequest(services.db, {
    requestedBy: actor.userId,
    requestedByName: actor.username,
    reasonCode: input.reasonCode,
    note: input.note,
    targetColour: input.targetColour,
    personIds,
    validUntil: new Date(now.getTime() + input.validDays * 86_400_000),
    requestedAt: now,
  });
  await recordAudit(services, {
    actor,
    action: 'health-code.override.request',
    purpose: 'administration',
    subject: `override:${request.id}`,
    outcome: 'allowed',
    details: { reasonCode: input.reasonCode, targetColour: input.targetColour, personIds },
  });
  return request;
}
