import {
  ensureUnassignedRegion,
  findPersonsByExactKeys,
  insertIdentityReviews,
  insertProvisionalPersons,
  lockIdentityKeys,
  scorePersonCandidates,
  type IdentifierVault,
  type NewIdentityReview,
  type ExactMatches,
  type NewProvisionalPerson,
  type SqlClient,
} from '@epigrid/store';
import { strongestKey, type HashedClaim } from './hashed-claim.js';

/** The keyed hashes of a claim, all the cache needs. */
export type ClaimKeys = Pick<HashedClaim, 'idHash' | 'phoneHash' | 'passportHash'>;
import { decideMatch, defaultThresholds, type MatchThresholds } from './match-policy.js';

/** Options of identity resolution. */
export interface ResolverOptions {
  readonly thresholds?: MatchThresholds;
  /** Code of the region holding provisional persons without a known grid (default `unassigned`). */
  readonly unassignedRegionCode?: string;
}

/** How the persons of a chunk were found. */
export interface ResolutionStats {
  exact: number;
  scored: number;
  provisional: number;
  reviews: number;
}

const CACHE_LIMIT = 500_000;

/**
 * The person an exact lookup found for a claim. A resident ID the registry does not know is not
 * linked through a phone someone else holds.
 */
function exactPerson(exact: ExactMatches, h: ClaimKeys): number | undefined {
  if (h.idHash !== null) return exact.byId.get(h.idHash);
  return (h.passportHash === null ? undefined : exact.byPassport.get(h.passportHash)) ?? (h.phoneHash === null ? undefined : exact.byPhone.get(h.phoneHash));
}

type Groups = Map<string, { indices: number[]; review: { candidateId: number; score: number } | null }>;

/**
 * Links claims to persons: exact keys first (resident ID, passport, phone hashes; cached for the
 * import), then a scored match on name, birth date and phone tail, and otherwise a provisional
 * person (one per unknown someone, in the unassigned region), with a review when the match was
 * probable but not certain. Runs inside the chunk's transaction.
 */
export class IdentityResolver {
  // One map per kind of key, keyed by the hash itself: a lookup builds no string.
  private readonly byId = new Map<string, number>();
  private readonly byPassport = new Map<string, number>();
  private readonly byPhone = new Map<string, number>();
  private readonly thresholds: MatchThresholds;
  private readonly unassignedCode: string;
  readonly stats: ResolutionStats = { exact: 0, scored: 0, provisional: 0, reviews: 0 };

  /**
   * @param vault - identifier vault (encrypts the identifiers of provisional persons)
   * @param options - thresholds and unassigned region
   */
  constructor(
    private readonly vault: IdentifierVault,
    options: ResolverOptions = {},
  ) {
    this.thresholds = options.thresholds ?? defaultThresholds;
    this.unassignedCode = options.unassignedRegionCode ?? 'unassigned';
  }

  /** Forgets cached links (after a rolled-back transaction). */
  reset(): void {
    this.byId.clear();
    this.byPassport.clear();
    this.byPhone.clear();
  }

  /**
   * Remembers the person a claim's keys stand for, for the rest of the import.
   * @param hashed - the claim's hashes
   * @param personId - the person
   */
  remember(hashed: ClaimKeys, personId: number): void {
    if (this.byId.size + this.byPassport.size + this.byPhone.size > CACHE_LIMIT) this.reset();
    if (hashed.idHash !== null) this.byId.set(hashed.idHash, personId);
    if (hashed.passportHash !== null) this.byPassport.set(hashed.passportHash, personId);
    if (hashed.phoneHash !== null && hashed.idHash === null) this.byPhone.set(hashed.phoneHash, personId);
  }

  /**
   * The person a claim's keys were linked to earlier in this import, if any.
   * @param hashed - the claim's hashes
   */
  cached(hashed: ClaimKeys): number | undefined {
    if (hashed.idHash !== null) return this.byId.get(hashed.idHash);
    if (hashed.passportHash !== null) {
      const found = this.byPassport.get(hashed.passportHash);
      if (found !== undefined) return found;
    }
    return hashed.phoneHash === null ? undefined : this.byPhone.get(hashed.phoneHash);
  }

  /**
   * Looks up the exact keys of claims not linked yet and remembers the persons found, in one query
   * per kind of key. Reads only, so it may run outside the chunk's transaction (while the previous
   * chunk is written); the claims left unlinked are resolved by {@link resolve} in the transaction.
   * @param db - database or transaction
   * @param claims - hashed claims
   */
  async linkKnown(db: SqlClient, claims: readonly HashedClaim[]): Promise<void> {
    const open = claims.filter((h) => this.cached(h) === undefined);
    if (open.length === 0) return;
    const unique = <T>(values: Array<T | null>): T[] => [...new Set(values.filter((v): v is T => v !== null))];
    const exact = await findPersonsByExactKeys(db, {
      idHashes: unique(open.map((h) => h.idHash)),
      phoneHashes: unique(open.filter((h) => h.idHash === null).map((h) => h.phoneHash)),
      passportHashes: unique(open.map((h) => h.passportHash)),
    });
    for (const h of open) {
      if (this.cached(h) !== undefined) continue;
      const id = exactPerson(exact, h);
      if (id === undefined) continue;
      this.remember(h, id);
      this.stats.exact++;
    }
  }

  /**
   * Locks the keys of the persons about to be created, then looks them up again: a concurrent
   * import may have created (and committed) the same person while this one was scoring. Those
   * groups link to that person and leave `groups`.
   */
  private async takeOverConcurrentlyCreated(tx: SqlClient, claims: readonly HashedClaim[], groups: Groups, result: number[]): Promise<void> {
    // The unassigned region is created on first use: its key keeps two imports from creating it twice.
    await lockIdentityKeys(tx, [`region:${this.unassignedCode}`, ...groups.keys()]);
    const firsts = [...groups.values()].map((g) => claims[g.indices[0]!]!).filter((h) => h.idHash !== null || h.phoneHash !== null || h.passportHash !== null);
    if (firsts.length === 0) return;
    const pick = (f: (h: HashedClaim) => string | null): string[] => [...new Set(firsts.map(f).filter((v): v is string => v !== null))];
    const again = await findPersonsByExactKeys(tx, {
      idHashes: pick((h) => h.idHash),
      phoneHashes: pick((h) => (h.idHash === null ? h.phoneHash : null)),
      passportHashes: pick((h) => h.passportHash),
    });
    for (const [key, group] of groups) {
      const id = exactPerson(again, claims[group.indices[0]!]!);
      if (id === undefined) continue;
      for (const i of group.indices) {
        result[i] = id;
        this.remember(claims[i]!, id);
      }
      this.stats.exact += 1;
      groups.delete(key);
    }
  }

  /**
   * Resolves every claim of a chunk to a person id.
   * @param tx - the chunk's transaction
   * @param claims - hashed claims
   * @param source - source name (recorded on reviews)
   * @returns person ids, in the order of the claims
   */
  async resolve(tx: SqlClient, claims: readonly HashedClaim[], source: string): Promise<number[]> {
    const result = new Array<number>(claims.length).fill(0);
    const open: number[] = [];
    claims.forEach((hashed, i) => {
      const found = this.cached(hashed);
      if (found === undefined) open.push(i);
      else result[i] = found;
    });
    if (open.length === 0) return result;

    const unique = <T>(values: Array<T | null>): T[] => [...new Set(values.filter((v): v is T => v !== null))];
    const exact = await findPersonsByExactKeys(tx, {
      idHashes: unique(open.map((i) => claims[i]!.idHash)),
      phoneHashes: unique(open.filter((i) => claims[i]!.idHash === null).map((i) => claims[i]!.phoneHash)),
      passportHashes: unique(open.map((i) => claims[i]!.passportHash)),
    });
    const rest: number[] = [];
    for (const i of open) {
      const h = claims[i]!;
      const id = exactPerson(exact, h);
      if (id === undefined) {
        rest.push(i);
      } else {
        result[i] = id;
        this.remember(h, id);
        this.stats.exact++;
      }
    }
    if (rest.length === 0) return result;

    // Scored match, then one provisional person per unknown someone.
    const groups: Groups = new Map();
    for (const i of rest) {
      const h = claims[i]!;
      const key = strongestKey(h);
      const group = groups.get(key);
      if (group !== undefined) {
        group.indices.push(i);
        continue;
      }
      let review: { candidateId: number; score: number } | null = null;
      if (h.claim.name !== null) {
        const candidates = await scorePersonCandidates(tx, {
          name: h.claim.name,
          birthDate: h.claim.birthDate,
          phoneTail: h.claim.phone?.slice(-4) ?? null,
        });
        const decision = decideMatch(candidates, h.idHash !== null, this.thresholds);
        if (decision.kind === 'link') {
          result[i] = decision.personId;
          this.remember(h, decision.personId);
          this.stats.scored++;
          continue;
        }
        if (decision.kind === 'review') review = { candidateId: decision.candidateId, score: decision.score };
      }
      groups.set(key, { indices: [i], review });
    }
    if (groups.size === 0) return result;
    await this.takeOverConcurrentlyCreated(tx, claims, groups, result);
    if (groups.size === 0) return result;
    const region = await ensureUnassignedRegion(tx, this.unassignedCode);
    const entries = [...groups.values()];
    const people: NewProvisionalPerson[] = entries.map(({ indices }) => {
      const { claim } = claims[indices[0]!]!;
      const h = claims[indices[0]!]!;
      return {
        name: claim.name ?? '',
        sex: claim.idSex,
        birthDate: claim.idBirthDate ?? claim.birthDate,
        idHash: h.idHash,
        idCipher: claim.residentId === null ? null : this.vault.encrypt(claim.residentId),
        idTail: claim.residentId?.slice(-4) ?? null,
        phoneHash: h.phoneHash,
        phoneCipher: claim.phone === null ? null : this.vault.encrypt(claim.phone),
        phoneTail: claim.phone?.slice(-4) ?? null,
        passportHash: h.passportHash,
        gridId: region.id,
        gridPath: region.path,
      };
    });
    const ids = await insertProvisionalPersons(tx, people);
    const reviews: NewIdentityReview[] = [];
    entries.forEach((entry, k) => {
      const personId = ids[k]!;
      for (const i of entry.indices) {
        result[i] = personId;
        this.remember(claims[i]!, personId);
      }
      if (entry.review !== null) reviews.push({ personId, candidateId: entry.review.candidateId, score: entry.review.score, source });
    });
    await insertIdentityReviews(tx, reviews);
    this.stats.provisional += ids.length;
    this.stats.reviews += reviews.length;
    return result;
  }
}
