import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { RevocationSet, VerificationReport } from '@epigrid/pass';
import { nodeCryptoEngine } from '@epigrid/pass/node';
import { TrustStore, decodeQr, mergeRevocations, openDocument, parseRevocationList, parseTrustList, verifyText } from '@epigrid/pass';

/** Options of `epigrid verify`. */
export interface VerifyCommandOptions {
  trustList?: string[];
  cert?: string[];
  revocations?: string[];
  at?: string;
  json?: boolean;
  image?: string;
}

/** A wrong use of the command (exit status 2). */
export class UsageError extends Error {}

/**
 * `epigrid verify`: checks a pass, place code or EU DCC offline against trust lists or signer
 * certificates, printing each step. Exit status 0 valid, 1 invalid, 2 usage error.
 * @param text - the scanned text, unless --image is given
 * @param options - command options
 */
export async function verifyCommand(text: string | undefined, options: VerifyCommandOptions): Promise<void> {
  let report: VerificationReport;
  try {
    const scanned = readInput(text, options.image);
    const at = options.at === undefined ? new Date() : parseTime(options.at);
    report = await verifyText(scanned, { trust: await loadTrust(options), at, revocations: loadRevocations(options.revocations ?? []), engine: nodeCryptoEngine });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`epigrid verify: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  process.exitCode = report.valid ? 0 : 1;
}

/** The report in plain words, one step per line with ✓ or ✗. */
export function formatReport(report: VerificationReport): string {
  const what = { pass: 'EpiGrid health pass', place: 'EpiGrid place code', dcc: 'EU Digital COVID Certificate' }[report.kind ?? 'pass'];
  const lines = [`${report.kind ? what : 'Unrecognised code'}: ${report.valid ? 'VALID' : 'NOT VALID'} (checked at ${report.at.toISOString()})`];
  for (const step of report.steps) lines.push(`  ${step.ok ? '✓' : '✗'} ${step.step.padEnd(10)} ${step.detail}`);
  const content = report.content;
  if (content?.kind === 'pass') {
    const p = content.pass;
    lines.push(`  colour ${p.colour}, reason ${p.reasonCode}, subject ${p.subject}, issued by ${p.jurisdiction} ${p.issuedAt.toISOString()}, expires ${p.expiresAt.toISOString()}`);
  } else if (content?.kind === 'place') {
    const v = content.place;
    lines.push(`  venue ${v.venueId} "${v.name}", region ${v.regionCode}, at ${v.lat},${v.lon}, issued by ${v.jurisdiction}`);
  } else if (content?.kind === 'dcc') {
    lines.push(`  DGC: ${JSON.stringify(content.dcc.dgc)}`);
  }
  return lines.join('\n');
}

function readInput(text: string | undefined, image: string | undefined): string {
  if (text !== undefined && image !== undefined) throw new UsageError('give either the pass text or --image, not both');
  if (image !== undefined) {
    const png = withFile(image, () => PNG.sync.read(readFile(image)));
    const decoded = decodeQr(png.data, png.width, png.height);
    if (decoded === undefined) throw new UsageError(`${image}: no readable QR code`);
    return decoded;
  }
  if (text === undefined || text.trim() === '') throw new UsageError('give the pass text or --image FILE');
  return text;
}

async function loadTrust(options: VerifyCommandOptions): Promise<TrustStore> {
  const lists = options.trustList ?? [];
  const certs = options.cert ?? [];
  if (lists.length > 0 && certs.length > 0) throw new UsageError('give --trust-list or --cert, not both');
  if (certs.length > 0) {
    // A certificate file is DER (starts with a SEQUENCE, 0x30), PEM, or bare base64 as in DCC test data.
    const certificates = certs.map((file) => {
      const raw = readFile(file);
      return raw[0] === 0x30 ? new Uint8Array(raw) : raw.toString('utf8');
    });
    return withFile(certs.join(', '), () => TrustStore.fromCertificates(certificates));
  }
  // The operator vouches for the files given; a signed list must still be intact.
  const parsed = await Promise.all(
    lists.map((file) => withFile(file, async () => parseTrustList((await openDocument(readFile(file).toString('utf8'), { trustSelfSigned: true })).json))),
  );
  return withFile(lists.join(', '), () => TrustStore.fromTrustLists(parsed));
}

function loadRevocations(files: readonly string[]): RevocationSet {
  return mergeRevocations(files.map((file) => withFile(file, () => parseRevocationList(JSON.parse(readFile(file).toString('utf8'))))));
}

function parseTime(text: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at ${JSON.stringify(text)} is not an ISO-8601 time`);
  return at;
}

function readFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function withFile<T>(file: string, read: () => T): T {
  const fail = (error: unknown): never => {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  };
  try {
    const value = read();
    return (value instanceof Promise ? value.catch(fail) : value) as T;
  } catch (error) {
    return fail(error);
  }
}
