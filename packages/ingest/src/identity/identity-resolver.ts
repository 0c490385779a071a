import {
  ensureUnassignedRegion,
  findPersonsByExactKeys,
  insertIdentityReviews,
  insertProvisionalPersons,
  scorePersonCandidates,
  type IdentifierVault,
  type NewIdentityReview,
  type NewProvisionalPerson,
  type SqlClient,
} from '@epigrid/store';
import { strongestKey, type HashedClaim } from './hashed-claim.js';
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
 * Links claims to persons: exact keys first (resident ID, passport, phone hashes; cached for the
 * import), then a scored match on name, birth date and phone tail, and otherwise a provisional
 * person (one per unknown someone, in the unassigned region), with a review when the match was
 * probable but not certain. Runs inside the chunk's transaction.
 */
export class IdentityResolver {
  private readonly cache = new Map<string, number>();
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
    this.cache.clear();
  }

  private remember(hashed: HashedClaim, personId: number): void {
    if (this.cache.size > CACHE_LIMIT) this.cache.clear();
    if (hashed.idHash !== null) this.cache.set(`i:${hashed.idHash}`, personId);
    if (hashed.passportHash !== null) this.cache.set(`x:${hashed.passportHash}`, personId);
    if (hashed.phoneHash !== null && hashed.idHash === null) this.cache.set(`p:${hashed.phoneHash}`, personId);
  }

  private cached(hashed: HashedClaim): number | undefined {
    if (hashed.idHash !== null) return this.cache.get(`i:${hashed.idHash}`);
    if (hashed.passportHash !== null) {
      const found = this.cache.get(`x:${hashed.passportHash}`);
      if (found !== undefined) return found;
    }
    return hashed.phoneHash === null ? undefined : this.cache.get(`p:${hashed.phoneHash}`);
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
      // A resident ID the registry does not know is not linked through a phone someone else holds.
      const id =
        h.idHash !== null
          ? exact.byId.get(h.idHash)
          : ((h.passportHash === null ? undefined : exact.byPassport.get(h.passportHash)) ??
            (h.phoneHash === null ? undefined : exact.byPhone.get(h.phoneHash)));
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
    const groups = new Map<string, { indices: number[]; review: { candidateId: number; score: number } | null }>();
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
