import { judgeHealthCode, type Actor } from '@epigrid/core';
import { appendAuditBatch, readHealthFacts, saveHealthCodes, type HealthCodeChange, type SqlClient } from '@epigrid/store';
import type { Services } from '../../services.js';
import { judgmentRules } from './judgment-rules.js';

const CHUNK = 2000;

/**
 * Appends one audit entry per colour change, inside the caller's transaction: every change names
 * its rule, cause and evidence.
 * @param tx - the transaction storing the changes
 * @param services - application services
 * @param changes - the changes
 * @param actor - who caused them (null = the rules, run by the system)
 */
export async function auditCodeChanges(tx: SqlClient, services: Services, changes: readonly HealthCodeChange[], actor: Actor | null): Promise<void> {
  await appendAuditBatch(
    tx,
    changes.map((change) => ({
      actorId: actor?.userId ?? null,
      actorName: actor?.username ?? 'system',
      actorRole: actor?.role ?? 'system',
      action: 'health-code.change',
      purpose: actor === null ? 'system' : 'administration',
      subject: `person:${change.personId}`,
      outcome: 'allowed',
      details: {
        from: change.fromColour,
        to: change.toColour,
        ruleId: change.ruleId,
        cause: change.cause,
        evidence: change.evidence,
        ...(change.overrideRequestId === null ? {} : { overrideRequestId: change.overrideRequestId }),
      },
    })),
    services.auditHasher,
    services.now(),
  );
}

/**
 * Re-judges the codes of a set of persons from their health facts at the services' clock, stores
 * them and audits every colour change in the same transaction. Persons under a manual colour keep it
 * until it ends.
 * @param services - application services
 * @param personIds - persons to re-judge
 * @returns persons judged and colour changes made
 */
export async function recomputeHealthCodes(services: Services, personIds: readonly number[]): Promise<{ persons: number; changes: HealthCodeChange[] }> {
  const rules = judgmentRules(services);
  const codes = rules.codes;
  if (codes === null || personIds.length === 0) return { persons: 0, changes: [] };
  const now = services.now();
  const at = Math.floor(now.getTime() / 1000);
  const changes: HealthCodeChange[] = [];
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const ids = personIds.slice(i, i + CHUNK);
    const facts = await readHealthFacts(services.db, ids, {
      utcOffsetMinutes: rules.areas?.utcOffsetMinutes ?? 480,
      testDayToleranceHours: services.profile.management.testDayToleranceHours ?? 0,
    });
    const judged = ids.map((personId) => ({ personId, judgement: judgeHealthCode(facts.get(personId) ?? [], codes, at), cause: 'rule' as const }));
    await services.db.transaction(async (tx) => {
      const made = await saveHealthCodes(tx, judged, now);
      await auditCodeChanges(tx, services, made, null);
      changes.push(...made);
    });
  }
  return { persons: personIds.length, changes };
}
