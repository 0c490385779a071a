import { fromBase64, messageOf, toBase64 } from '../bytes.js';
import { algorithmName } from '../cose/algorithms.js';
import { encodeCoseSign1, parseCoseSign1, sigStructure } from '../cose/cose-sign1.js';
import type { SignatureEngine } from '../cose/signature-engine.js';
import { webCryptoEngine } from '../cose/signature-engine.js';
import { kidToText } from '../keys/key-id.js';
import type { SigningKey } from '../keys/signing-key.js';
import { parseTrustList } from './trust-list.js';
import type { TrustedKey } from './trust-store.js';
import { TrustStore } from './trust-store.js';

/** Format tag of a signed JSON document (a trust or revocation list sent to another jurisdiction). */
export const SIGNED_DOCUMENT_FORMAT = 'epigrid-signed/1';

/**
 * Signs a JSON document (trust list, revocation list) with a jurisdiction key: the result is JSON
 * `{ format, kid, cose }` where `cose` is a base64 COSE_Sign1 whose payload is the document's text.
 */
export async function signDocument(json: string, key: SigningKey, engine: SignatureEngine = webCryptoEngine): Promise<string> {
  const payload = new TextEncoder().encode(json);
  const signature = await engine.signEs256(key.privateKey, sigStructure(key.protectedHeader, payload));
  return `${JSON.stringify({ format: SIGNED_DOCUMENT_FORMAT, kid: key.kidText, cose: toBase64(encodeCoseSign1(key.protectedHeader, payload, signature)) })}\n`;
}

/** A document read by {@link openDocument}. */
export interface OpenedDocument {
  readonly json: unknown;
  /** Key id that signed it; undefined for a plain (unsigned) document. */
  readonly signedBy?: string;
}

/**
 * Reads a plain or signed JSON document. A signed one must verify with a key of `trust`, or — to
 * take a jurisdiction's first trust list — be a trust list signed by a key it lists whose id was
 * exchanged out of band (`pinnedKids`), or any key it lists when the caller vouches for the file
 * itself (`trustSelfSigned`: the signature then only proves the file is intact). A key revoked by `at` (default now) is refused.
 * @throws Error when the text is not JSON or the signature cannot be verified
 */
export async function openDocument(
  text: string,
  options: { trust?: TrustStore; pinnedKids?: readonly string[]; trustSelfSigned?: boolean; engine?: SignatureEngine; at?: Date } = {},
): Promise<OpenedDocument> {
  const outer = JSON.parse(text) as { format?: unknown; cose?: unknown };
  if (outer?.format !== SIGNED_DOCUMENT_FORMAT) return { json: outer };
  if (typeof outer.cose !== 'string') throw new Error('signed document: cose is missing');
  const cose = parseCoseSign1(fromBase64(outer.cose));
  if (!cose.kid) throw new Error('signed document: no key id');
  const kid = kidToText(cose.kid);
  const json = JSON.parse(new TextDecoder().decode(cose.payload)) as unknown;
  const key = options.trust?.find(kid) ?? (options.trustSelfSigned || options.pinnedKids?.includes(kid) ? await selfListedKey(json, kid) : undefined);
  if (!key) throw new Error(`signed document: key ${kid} is neither trusted nor pinned`);
  if (key.revokedAt && key.revokedAt <= (options.at ?? new Date())) throw new Error(`signed document: key ${kid} was revoked ${key.revokedAt.toISOString()}`);
  if (algorithmName(cose.alg) !== key.alg) throw new Error(`signed document: algorithm ${String(cose.alg)} does not match key ${kid}`);
  let ok: boolean;
  try {
    ok = await (options.engine ?? webCryptoEngine).verify(key.alg, key.publicKey, cose.signature, sigStructure(cose.protectedBytes, cose.payload));
  } catch (error) {
    throw new Error(`signed document: ${messageOf(error)}`);
  }
  if (!ok) throw new Error(`signed document: signature does not match key ${kid}`);
  return { json, signedBy: kid };
}

async function selfListedKey(json: unknown, kid: string): Promise<TrustedKey | undefined> {
  return (await TrustStore.fromTrustLists([parseTrustList(json)])).find(kid);
}
