import { createAuditVerifier } from '@epigrid/core';
import { createAuditHasher, readAuditLog } from '@epigrid/store';
import { openConfigured } from '../open-configured.js';

/**
 * `epigrid audit verify`: walks the whole audit chain and reports every break (edited, deleted
 * or reordered entry). Exits with status 1 when the chain is broken.
 */
export async function auditVerify(): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const verifier = createAuditVerifier(createAuditHasher(opened.secret));
    for await (const entry of readAuditLog(opened.db)) verifier.push(entry);
    const result = verifier.result();
    if (result.ok) {
      console.log(`audit log intact: ${result.checked} entries, head #${result.headSeq} ${result.headHash.slice(0, 16)}…`);
      return;
    }
    console.error(`audit log BROKEN: ${result.breaks.length} problem(s) in ${result.checked} entries`);
    for (const b of result.breaks.slice(0, 50)) console.error(`  entry #${b.seq}: ${b.kind} — ${b.reason}`);
    process.exitCode = 1;
  } finally {
    await opened.db.close();
  }
}
