import { createServices, traceStoredCase } from '@epigrid/server';
import { getCase, listCaseContacts } from '@epigrid/store';
import { openConfigured } from '../open-configured.js';

/** Operators act on the whole installation: the root jurisdiction. */
const ALL = '';

const time = (value: Date | string): string => new Date(value).toISOString().slice(0, 16).replace('T', ' ');

/**
 * `epigrid trace CASE`: traces a case (by case report row id) with the active protocol profile and
 * prints its contacts with the evidence that made each one a contact.
 * @param caseId - case report row id
 */
export async function traceCommand(caseId: string): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const services = createServices(opened.db, opened.config, opened.secret);
    const found = await getCase(opened.db, ALL, Number(caseId));
    if (found.kind !== 'found') throw new Error(`no case with id ${caseId}`);
    const started = performance.now();
    const trace = await traceStoredCase(services, found.value);
    const ms = performance.now() - started;
    console.log(`case ${found.value.reportId} (${found.value.personName}), profile ${trace.profileId}`);
    console.log(`exposure window ${time(new Date(trace.window.from * 1000))} – ${time(new Date(trace.window.to * 1000))} (${trace.window.ruleId})`);
    console.log(`close ${trace.closeContacts.length}, sub-close ${trace.subCloseContacts.length}, companions ${trace.companions.length} (traced in ${ms.toFixed(0)} ms, index ${services.trace.status().rows} rows)`);
    for (const c of await listCaseContacts(opened.db, ALL, found.value.id)) {
      const evidence = c.evidence.map((e) => JSON.stringify(e)).join('; ');
      console.log(`  ${c.kind.padEnd(9)} person ${String(c.personId).padEnd(8)} ${c.personName ?? ''} last ${time(c.lastExposure)}  ${c.ruleIds.join(',')}  ${evidence}`);
    }
  } finally {
    await opened.db.close();
  }
}
