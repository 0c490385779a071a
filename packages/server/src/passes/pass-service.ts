import { DomainError } from '@epigrid/core';
import {
  buildRevocationList,
  buildTrustList,
  importSigningKey,
  mergeRevocations,
  parseRevocationList,
  parseTrustList,
  TrustStore,
  type RevocationList,
  type RevocationSet,
  type SigningKey,
  type TrustList,
} from '@epigrid/pass';
import {
  currentSigningKey,
  issuingJurisdictionOf,
  listPassPublicKeys,
  listPassRevocations,
  listRootJurisdictions,
  listTrustedIssuers,
  type IdentifierVault,
  type IssuingJurisdiction,
  type SqlClient,
} from '@epigrid/store';
import { defaultPassSettings, type PassSettings } from './pass-settings.js';

/** A jurisdiction's published documents: its public keys and its revocations. */
export interface TrustDocuments {
  readonly trustList: TrustList;
  readonly revocations: RevocationList;
}

/** What the verifier checks against: every trusted key (own and imported) and every revocation. */
export interface Verifier {
  readonly trust: TrustStore;
  readonly revocations: RevocationSet;
}

/**
 * The instance's pass machinery over the store: signing keys (imported once per key id), the trust
 * documents it publishes, and the verifier's trust store — built from its own keys and the imported
 * peer lists, cached and rebuilt after a change here or after the refresh interval (so several server
 * processes pick up each other's rotations and revocations).
 */
export class PassService {
  private readonly keys = new Map<string, SigningKey>();
  private verifierBuilt: { at: number; value: Promise<Verifier> } | null = null;

  /**
   * @param db - database
   * @param vault - unseals private keys; hashes pass subjects
   * @param now - clock
   * @param settings - lifetimes and thresholds
   */
  constructor(
    private readonly db: SqlClient,
    private readonly vault: IdentifierVault,
    private readonly now: () => Date,
    readonly settings: PassSettings = defaultPassSettings,
  ) {}

  /**
   * The jurisdiction that issues for a region path (the root of its tree).
   * @param regionPath - a region path
   */
  async jurisdictionOf(regionPath: string): Promise<IssuingJurisdiction> {
    const found = await issuingJurisdictionOf(this.db, regionPath);
    if (found === null) throw new DomainError('not_found', { regionPath, reason: 'no issuing jurisdiction' });
    return found;
  }

  /**
   * The jurisdiction this instance publishes for: the one named, or the only root region.
   * @param code - a root region code, or undefined for the only one
   */
  async publishingJurisdiction(code: string | undefined): Promise<IssuingJurisdiction> {
    const roots = await listRootJurisdictions(this.db);
    if (code !== undefined) {
      const named = roots.find((r) => r.code === code);
      if (named === undefined) throw new DomainError('not_found', { jurisdiction: code });
      return named;
    }
    if (roots.length !== 1) throw new DomainError('validation_failed', { field: 'jurisdiction', reason: `name one of ${roots.map((r) => r.code).join(', ')}` });
    return roots[0]!;
  }

  /**
   * The key a jurisdiction signs with now (created on first use).
   * @param jurisdiction - issuing jurisdiction
   */
  async signingKey(jurisdiction: IssuingJurisdiction): Promise<SigningKey> {
    const stored = await currentSigningKey(this.db, this.vault, jurisdiction.code, jurisdiction.path, this.now());
    const cached = this.keys.get(stored.kid);
    if (cached !== undefined) return cached;
    const key = await importSigningKey({ jurisdiction: stored.jurisdiction, kid: stored.kid, privateJwk: stored.privateJwk, publicJwk: stored.publicJwk });
    this.keys.set(stored.kid, key);
    this.invalidate(); // a key created on first use must be trusted at once
    return key;
  }

  /**
   * The pseudonymous subject of a person's passes: a keyed hash, so the ID number never leaves and
   * nobody without the deployment secret can link a pass to a person.
   * @param personId - person id
   */
  subjectOf(personId: number): string {
    return this.vault.hash(`pass-subject:${personId}`).slice(0, 22);
  }

  /**
   * The documents a jurisdiction publishes. A retired key stays listed (with the last moment it could
   * sign) until the passes it signed have expired; a revoked key stays listed with its revocation.
   * @param jurisdiction - publishing jurisdiction
   */
  async trustDocuments(jurisdiction: IssuingJurisdiction): Promise<TrustDocuments> {
    const at = this.now();
    const lifetimeMs = this.settings.passLifetimeHours * 3_600_000;
    const keys = (await listPassPublicKeys(this.db, jurisdiction.code)).filter(
      (k) => k.retiredAt === null || k.revokedAt !== null || k.retiredAt.getTime() + lifetimeMs > at.getTime(),
    );
    const trustList = buildTrustList(
      jurisdiction.code,
      keys.map((k) => ({
        key: { kidText: k.kid, jurisdiction: k.jurisdiction, publicJwk: k.publicJwk },
        notBefore: k.notBefore,
        ...(k.retiredAt === null ? {} : { notAfter: k.retiredAt }),
        ...(k.revokedAt === null ? {} : { revokedAt: k.revokedAt }),
      })),
      at,
    );
    const stored = await listPassRevocations(this.db, jurisdiction.code);
    const revocations = buildRevocationList(
      jurisdiction.code,
      {
        keys: keys.filter((k) => k.revokedAt !== null).map((k) => ({ kid: k.kid, revokedAt: k.revokedAt! })),
        passes: stored.filter((r) => r.kind === 'pass').map((r) => r.value),
        subjects: stored.filter((r) => r.kind === 'subject').map((r) => r.value),
      },
      at,
    );
    return { trustList, revocations };
  }

  /** The verifier: own keys and revocations plus every imported peer's, cached for the refresh interval. */
  async verifier(): Promise<Verifier> {
    const at = Date.now();
    if (this.verifierBuilt === null || at - this.verifierBuilt.at > this.settings.trustRefreshSeconds * 1000) {
      const value = this.buildVerifier();
      this.verifierBuilt = { at, value };
      value.catch(() => {
        if (this.verifierBuilt?.value === value) this.verifierBuilt = null;
      });
    }
    return this.verifierBuilt.value;
  }

  /** Forgets the cached verifier (after a rotation, revocation or import here). */
  invalidate(): void {
    this.verifierBuilt = null;
  }

  /** Every trust document this instance verifies with: its own jurisdictions' and every imported peer's. */
  async allTrustDocuments(): Promise<TrustDocuments[]> {
    const own = await Promise.all((await listRootJurisdictions(this.db)).map((j) => this.trustDocuments(j)));
    const peers = (await listTrustedIssuers(this.db)).map((issuer) => parsePeerDocuments(issuer.document));
    return [...own, ...peers];
  }

  private async buildVerifier(): Promise<Verifier> {
    const all = await this.allTrustDocuments();
    return {
      trust: await TrustStore.fromTrustLists(all.map((d) => d.trustList)),
      revocations: mergeRevocations(all.map((d) => d.revocations)),
    };
  }
}

/**
 * Reads a peer's published documents (`GET /api/trust-list` of another instance).
 * @param document - parsed JSON `{ trustList, revocations }`
 * @throws DomainError validation_failed naming the field and reason
 */
export function parsePeerDocuments(document: unknown): TrustDocuments {
  const doc = document as { trustList?: unknown; revocations?: unknown } | null;
  if (typeof doc !== 'object' || doc === null) throw new DomainError('validation_failed', { field: 'body', reason: 'expected { trustList, revocations }' });
  let trustList: TrustList;
  try {
    trustList = parseTrustList(doc.trustList);
  } catch (error) {
    throw new DomainError('validation_failed', { field: 'trustList', reason: error instanceof Error ? error.message : String(error) });
  }
  let revocations: RevocationList;
  try {
    revocations = doc.revocations === undefined ? buildRevocationList(trustList.issuer, {}, trustList.issuedAt) : parseRevocationList(doc.revocations);
  } catch (error) {
    throw new DomainError('validation_failed', { field: 'revocations', reason: error instanceof Error ? error.message : String(error) });
  }
  if (revocations.issuer !== trustList.issuer) {
    throw new DomainError('validation_failed', { field: 'revocations.issuer', reason: `${revocations.issuer} differs from the trust list's ${trustList.issuer}` });
  }
  const foreign = trustList.keys.find((k) => k.jurisdiction !== trustList.issuer);
  if (foreign !== undefined) {
    throw new DomainError('validation_failed', { field: 'trustList.keys', reason: `key ${foreign.kid} belongs to ${foreign.jurisdiction}, not the issuer ${trustList.issuer}` });
  }
  return { trustList, revocations };
}
