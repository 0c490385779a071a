import { randomUUID } from 'node:crypto';
import { systemActor, type FederationPayload, type ReferralBody } from '@epigrid/core';
import { enqueueMessage, findTasksToRefer, markTaskReferred, type TaskToRefer } from '@epigrid/store';
import { instanceKeyOf } from '../federation/instance-key.js';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

function exposureOf(task: TaskToRefer): ReferralBody['exposure'] {
  const source = task.source as { contactKind?: unknown; caseId?: unknown; caseReportedAt?: unknown };
  return {
    kind: typeof source.contactKind === 'string' ? source.contactKind : task.type,
    lastExposureAt: null,
    caseReference: source.caseId === undefined ? null : `case:${String(source.caseId)}`,
    note: null,
  };
}

/**
 * The person claims a referral carries: the name and one identifier — the resident ID when known,
 * otherwise the phone — and the address; nothing else of the record leaves the instance.
 * @param services - application services (the vault reads the sealed identifiers)
 * @param task - the task to refer
 */
function personClaims(services: Services, task: TaskToRefer): ReferralBody['person'] | null {
  if (task.personName === null) return null;
  const address = task.address ?? undefined;
  if (task.idCipher !== null) return { name: task.personName, residentId: services.vault.decrypt(task.idCipher), address };
  if (task.phoneCipher !== null) return { name: task.personName, phone: services.vault.decrypt(task.phoneCipher), address };
  return null;
}

/**
 * Refers every open task whose person lives in a peer's territory: a signed referral is queued for
 * the peer (delivered by {@link deliverDueMessages}) and the task leaves local work as `referred`,
 * in one transaction. Tasks without a person identifier stay local.
 * @param services - application services
 * @returns how many tasks were referred
 */
export async function referTasks(services: Services): Promise<number> {
  const key = await instanceKeyOf(services);
  let referred = 0;
  for (const task of await findTasksToRefer(services.db, 500)) {
    const person = personClaims(services, task);
    if (person === null) continue;
    const now = services.now();
    const payload: FederationPayload = {
      v: 1,
      kind: 'referral',
      messageId: randomUUID(),
      from: services.config.federation.instanceId,
      to: task.peerId,
      sentAt: now.toISOString(),
      body: {
        taskType: task.type,
        priority: task.priority,
        deadline: new Date(task.deadline).toISOString(),
        homeRegionCode: task.homeRegionCode,
        person,
        exposure: exposureOf(task),
      },
    };
    const sealed = services.vault.encrypt(JSON.stringify(key.seal(payload)));
    const done = await services.db.transaction(async (tx) => {
      if (!(await markTaskReferred(tx, { messageId: payload.messageId, taskId: task.taskId, peerId: task.peerId }, now))) return false;
      await enqueueMessage(tx, { messageId: payload.messageId, peerId: task.peerId, envelopeSealed: sealed }, now);
      return true;
    });
    if (!done) continue;
    referred++;
    await recordAudit(services, {
      actor: systemActor,
      action: 'referral.send',
      purpose: 'contact_tracing',
      subject: `task:${task.taskId}`,
      outcome: 'allowed',
      details: { peer: task.peerId, messageId: payload.messageId, identifiers: Object.keys(person).filter((k) => k !== 'name') },
    });
  }
  return referred;
}
