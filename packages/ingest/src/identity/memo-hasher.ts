import type { IdentifierHasher } from './hashed-claim.js';

/**
 * A keyed hasher that computes each distinct identifier's hash once per import: a phone seen fifty
 * times is hashed once. Bounded: forgets everything when full.
 */
export class MemoHasher implements IdentifierHasher {
  private readonly memo = new Map<string, string>();

  /**
   * @param hasher - the identifier vault
   * @param limit - distinct identifiers remembered before starting over
   */
  constructor(
    private readonly hasher: IdentifierHasher,
    private readonly limit = 200_000,
  ) {}

  /**
   * The keyed hash of an identifier.
   * @param value - identifier in clear
   */
  hash(value: string): string {
    let hashed = this.memo.get(value);
    if (hashed === undefined) {
      if (this.memo.size >= this.limit) this.memo.clear();
      hashed = this.hasher.hash(value);
      this.memo.set(value, hashed);
    }
    return hashed;
  }
}
