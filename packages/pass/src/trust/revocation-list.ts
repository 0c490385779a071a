import { arrayAt, objectAt, textAt, timeAt } from './json-fields.js';

/** Format tag of an EpiGrid revocation list. */
export const REVOCATION_LIST_FORMAT = 'epigrid-revocation-list/1';

/** Revoked keys, passes and subjects, as a jurisdiction publishes them. */
export interface RevocationList {
  readonly format: typeof REVOCATION_LIST_FORMAT;
  readonly issuer: string;
  readonly issuedAt: Date;
  /** Keys revoked from a moment on (base64 key ids). */
  readonly keys: ReadonlyArray<{ readonly kid: string; readonly revokedAt: Date }>;
  /** Revoked pass ids (CWT `cti`). */
  readonly passes: readonly string[];
  /** Revoked pseudonymous subjects: every pass of theirs is refused. */
  readonly subjects: readonly string[];
}

/** Revocations merged for lookup during verification. */
export interface RevocationSet {
  readonly keys: ReadonlyMap<string, Date>;
  readonly passes: ReadonlySet<string>;
  readonly subjects: ReadonlySet<string>;
}

/** An empty revocation set. */
export const NO_REVOCATIONS: RevocationSet = { keys: new Map(), passes: new Set(), subjects: new Set() };

/** Builds a revocation list. */
export function buildRevocationList(
  issuer: string,
  entries: { keys?: ReadonlyArray<{ kid: string; revokedAt: Date }>; passes?: readonly string[]; subjects?: readonly string[] },
  issuedAt: Date = new Date(),
): RevocationList {
  return { format: REVOCATION_LIST_FORMAT, issuer, issuedAt, keys: entries.keys ?? [], passes: entries.passes ?? [], subjects: entries.subjects ?? [] };
}

/**
 * Reads a revocation list from parsed JSON.
 * @throws Error naming the field that is missing or malformed
 */
export function parseRevocationList(json: unknown): RevocationList {
  const doc = objectAt(json, 'revocation list');
  if (doc.format !== REVOCATION_LIST_FORMAT) throw new Error(`revocation list format: expected "${REVOCATION_LIST_FORMAT}", found ${JSON.stringify(doc.format)}`);
  return {
    format: REVOCATION_LIST_FORMAT,
    issuer: textAt(doc.issuer, 'issuer'),
    issuedAt: timeAt(doc.issuedAt, 'issuedAt'),
    keys: arrayAt(doc.keys ?? [], 'keys').map((raw, i) => {
      const entry = objectAt(raw, `keys[${i}]`);
      return { kid: textAt(entry.kid, `keys[${i}].kid`), revokedAt: timeAt(entry.revokedAt, `keys[${i}].revokedAt`) };
    }),
    passes: arrayAt(doc.passes ?? [], 'passes').map((p, i) => textAt(p, `passes[${i}]`)),
    subjects: arrayAt(doc.subjects ?? [], 'subjects').map((s, i) => textAt(s, `subjects[${i}]`)),
  };
}

/** Merges revocation lists; a key revoked twice keeps the earliest moment. */
export function mergeRevocations(lists: readonly RevocationList[]): RevocationSet {
  const keys = new Map<string, Date>();
  for (const list of lists) {
    for (const { kid, revokedAt } of list.keys) {
      const known = keys.get(kid);
      if (!known || revokedAt < known) keys.set(kid, revokedAt);
    }
  }
  return { keys, passes: new Set(lists.flatMap((l) => l.passes)), subjects: new Set(lists.flatMap((l) => l.subjects)) };
}
