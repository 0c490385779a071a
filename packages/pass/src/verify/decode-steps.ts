import { messageOf } from '../bytes.js';
import { decodeBase45 } from '../codec/base45.js';
import type { PayloadKind } from '../codec/prefix.js';
import { removePrefix } from '../codec/prefix.js';
import { decompressZlib } from '../codec/zlib.js';
import type { CoseSign1 } from '../cose/cose-sign1.js';
import { parseCoseSign1 } from '../cose/cose-sign1.js';
import { decodePassClaims } from '../cwt/pass-claims.js';
import { decodePlaceClaims } from '../cwt/place-claims.js';
import { decodeHealthCertificate } from '../dcc/hcert.js';
import type { StepResult, VerifiedContent } from './report.js';

/** How far decoding went: the steps run, and what each successful step produced. */
export interface Decoded {
  readonly steps: StepResult[];
  readonly kind?: PayloadKind;
  readonly cose?: CoseSign1;
  readonly content?: VerifiedContent;
}

/** Runs prefix → base45 → zlib → COSE → CBOR claims, stopping at the first failure; never throws. */
export function decodeText(text: string): Decoded {
  const steps: StepResult[] = [];
  const unprefixed = removePrefix(typeof text === 'string' ? text : '');
  if (!unprefixed.ok) return { steps: [{ step: 'prefix', ok: false, detail: unprefixed.reason }] };
  const kind = unprefixed.kind;
  steps.push({ step: 'prefix', ok: true, detail: `prefix ${unprefixed.prefix} (${kindWords[kind]})` });

  const compressed = attempt(steps, 'base45', () => decodeBase45(unprefixed.body), (b) => `${b.length} bytes`);
  if (!compressed) return { steps, kind };
  const coseBytes = attempt(steps, 'zlib', () => decompressZlib(compressed), (b) => `${b.length} bytes after decompression`);
  if (!coseBytes) return { steps, kind };
  const cose = attempt(steps, 'cose', () => parseCoseSign1(coseBytes), (c) => `COSE_Sign1, alg ${String(c.alg)}, key id from the ${c.kidSource} header`);
  if (!cose) return { steps, kind };
  const content = attempt(steps, 'cbor', () => decodeContent(kind, cose.payload), describeContent);
  return content ? { steps, kind, cose, content } : { steps, kind, cose };
}

/** Decodes a COSE payload as the claims of the given kind. */
export function decodeContent(kind: PayloadKind, payload: Uint8Array): VerifiedContent {
  if (kind === 'pass') return { kind, pass: decodePassClaims(payload) };
  if (kind === 'place') return { kind, place: decodePlaceClaims(payload) };
  return { kind, dcc: decodeHealthCertificate(payload) };
}

const kindWords: Record<PayloadKind, string> = { pass: 'EpiGrid health pass', place: 'EpiGrid place code', dcc: 'EU Digital COVID Certificate' };

function describeContent(content: VerifiedContent): string {
  if (content.kind === 'pass') return `pass ${content.pass.passId}: ${content.pass.colour} (${content.pass.reasonCode}) issued by ${content.pass.jurisdiction}`;
  if (content.kind === 'place') return `place code of venue ${content.place.venueId} "${content.place.name}" in ${content.place.regionCode}`;
  return `EU DGC version ${String(content.dcc.dgc.ver)}${content.dcc.issuer ? ` issued by ${content.dcc.issuer}` : ''}`;
}

function attempt<T>(steps: StepResult[], step: StepResult['step'], run: () => T, describe: (value: T) => string): T | undefined {
  try {
    const value = run();
    steps.push({ step, ok: true, detail: describe(value) });
    return value;
  } catch (error) {
    steps.push({ step, ok: false, detail: messageOf(error) });
    return undefined;
  }
}
