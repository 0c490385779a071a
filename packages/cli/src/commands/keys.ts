import { readFile, writeFile } from 'node:fs/promises';
import { systemActor } from '@epigrid/core';
import { createServices, importTrustList, publishTrustList, revokePasses, revokePassKey, rotatePassKey, type Services } from '@epigrid/server';
import { openConfigured } from '../open-configured.js';

/** Options naming the jurisdiction (a root region code) when the database holds several. */
export interface JurisdictionOption {
  readonly jurisdiction?: string;
}

async function withServices(work: (services: Services) => Promise<void>): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    await work(createServices(opened.db, opened.config, opened.secret));
  } finally {
    await opened.db.close();
  }
}

/**
 * `epigrid keys rotate`: a new signing key signs from now on; the old one stays in the trust list until
 * the passes it signed have expired.
 * @param options - jurisdiction
 */
export async function keysRotate(options: JurisdictionOption): Promise<void> {
  await withServices(async (services) => {
    const rotated = await rotatePassKey(services, systemActor, options.jurisdiction);
    console.log(`${rotated.jurisdiction}: new key ${rotated.kid}${rotated.retiredKid === null ? '' : `, retired ${rotated.retiredKid}`}`);
  });
}

/**
 * `epigrid keys revoke KID --reason …`: every pass and place code the key signed fails verification.
 * @param kid - key id (base64)
 * @param options - the reason
 */
export async function keysRevoke(kid: string, options: { reason: string }): Promise<void> {
  await withServices(async (services) => {
    await revokePassKey(services, systemActor, kid, options.reason);
    console.log(`key ${kid} revoked`);
  });
}

/**
 * `epigrid keys revoke-pass ID --reason …` (or `--subject` to revoke every pass of a subject).
 * @param value - pass id, or the pseudonymous subject with --subject
 * @param options - reason, subject flag and jurisdiction
 */
export async function keysRevokePass(value: string, options: JurisdictionOption & { reason: string; subject?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const kind = options.subject === true ? 'subject' : 'pass';
    const { added } = await revokePasses(services, systemActor, { kind, value, reason: options.reason, ...(options.jurisdiction === undefined ? {} : { jurisdiction: options.jurisdiction }) });
    console.log(added ? `${kind} ${value} revoked` : `${kind} ${value} was already revoked`);
  });
}

/**
 * `epigrid keys export-trust-list [--out FILE]`: the public keys and revocations peers import.
 * @param options - jurisdiction and output file (standard output when omitted)
 */
export async function keysExportTrustList(options: JurisdictionOption & { out?: string }): Promise<void> {
  await withServices(async (services) => {
    const text = `${JSON.stringify(await publishTrustList(services, options.jurisdiction), null, 2)}\n`;
    if (options.out === undefined) process.stdout.write(text);
    else {
      await writeFile(options.out, text);
      console.log(`trust list written to ${options.out}`);
    }
  });
}

/**
 * `epigrid keys import-trust-list FILE`: a peer's trust list; its passes verify here from now on.
 * @param file - JSON written by the peer's `export-trust-list` (or fetched from its /api/trust-list)
 */
export async function keysImportTrustList(file: string): Promise<void> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a JSON file (${error instanceof Error ? error.message : String(error)})`);
  }
  await withServices(async (services) => {
    const result = await importTrustList(services, systemActor, document);
    console.log(`${result.jurisdiction}: ${result.keys} keys, ${result.revokedPasses} revoked passes, ${result.revokedSubjects} revoked subjects imported`);
  });
}
