import type { SigningKey } from '../keys/signing-key.js';
import { arrayAt, objectAt, optionalTimeAt, textAt, timeAt } from './json-fields.js';

/** Format tag of an EpiGrid trust list. */
export const TRUST_LIST_FORMAT = 'epigrid-trust-list/1';

/** One public key in a trust list. */
export interface TrustListKey {
  /** Key id, base64 of 8 bytes. */
  readonly kid: string;
  /** Region code of the jurisdiction that issues with the key. */
  readonly jurisdiction: string;
  /** ES256 public key (EC P-256 JWK). */
  readonly publicJwk: JsonWebKey;
  /** First and last moments the key may sign (a pass's `iat` must fall between them). */
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** From this moment on nothing signed with the key is accepted. */
  readonly revokedAt?: Date;
}

/** A jurisdiction's published list of its public keys. */
export interface TrustList {
  readonly format: typeof TRUST_LIST_FORMAT;
  /** Region code of the jurisdiction that publishes the list. */
  readonly issuer: string;
  readonly issuedAt: Date;
  readonly keys: readonly TrustListKey[];
}

/**
 * Builds the trust list a jurisdiction publishes from its keys.
 * @param issuer - region code of the publishing jurisdiction
 * @param keys - its keys with their validity (and revocation, once revoked)
 * @param issuedAt - publication time
 */
export function buildTrustList(
  issuer: string,
  keys: ReadonlyArray<{ key: Pick<SigningKey, 'kidText' | 'jurisdiction' | 'publicJwk'>; notBefore?: Date; notAfter?: Date; revokedAt?: Date }>,
  issuedAt: Date = new Date(),
): TrustList {
  return {
    format: TRUST_LIST_FORMAT,
    issuer,
    issuedAt,
    keys: keys.map(({ key, ...validity }) => ({ kid: key.kidText, jurisdiction: key.jurisdiction, publicJwk: key.publicJwk, ...validity })),
  };
}

/** The JSON text of a trust list (times as ISO-8601). */
export function trustListToJson(list: TrustList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}

/**
 * Reads a trust list from parsed JSON.
 * @throws Error naming the field that is missing or malformed
 */
export function parseTrustList(json: unknown): TrustList {
  const doc = objectAt(json, 'trust list');
  if (doc.format !== TRUST_LIST_FORMAT) throw new Error(`trust list format: expected "${TRUST_LIST_FORMAT}", found ${JSON.stringify(doc.format)}`);
  const keys = arrayAt(doc.keys, 'keys').map((raw, i): TrustListKey => {
    const path = `keys[${i}]`;
    const entry = objectAt(raw, path);
    const jwk = objectAt(entry.publicJwk, `${path}.publicJwk`);
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string' || 'd' in jwk) {
      throw new Error(`${path}.publicJwk: expected a public EC P-256 key (kty EC, crv P-256, x, y; no private part)`);
    }
    const notBefore = optionalTimeAt(entry.notBefore, `${path}.notBefore`);
    const notAfter = optionalTimeAt(entry.notAfter, `${path}.notAfter`);
    const revokedAt = optionalTimeAt(entry.revokedAt, `${path}.revokedAt`);
    return {
      kid: textAt(entry.kid, `${path}.kid`),
      jurisdiction: textAt(entry.jurisdiction, `${path}.jurisdiction`),
      publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
      ...(notBefore ? { notBefore } : {}),
      ...(notAfter ? { notAfter } : {}),
      ...(revokedAt ? { revokedAt } : {}),
    };
  });
  return { format: TRUST_LIST_FORMAT, issuer: textAt(doc.issuer, 'issuer'), issuedAt: timeAt(doc.issuedAt, 'issuedAt'), keys };
}

/**
 * Merges the trust lists of several jurisdictions (mutual recognition) into one set of keys. The
 * same key listed twice keeps its earliest revocation; one key id with two different public keys
 * is refused.
 * @throws Error naming the conflicting key id
 */
export function mergeTrustLists(lists: readonly TrustList[]): TrustListKey[] {
  const byKid = new Map<string, TrustListKey>();
  for (const list of lists) {
    for (const key of list.keys) {
      const known = byKid.get(key.kid);
      if (!known) {
        byKid.set(key.kid, key);
        continue;
      }
      if (known.publicJwk.x !== key.publicJwk.x || known.publicJwk.y !== key.publicJwk.y || known.jurisdiction !== key.jurisdiction) {
        throw new Error(`key id ${key.kid} is listed with two different keys (${known.jurisdiction}, ${key.jurisdiction}); refusing both lists' merge`);
      }
      const revokedAt = [known.revokedAt, key.revokedAt].filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
      byKid.set(key.kid, { ...known, ...(revokedAt ? { revokedAt } : {}) });
    }
  }
  return [...byKid.values()];
}
