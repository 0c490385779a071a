import { EPIGRID_CLAIM } from './claim-keys.js';

/** Seconds since the epoch, as CWT NumericDate. */
export function epochSeconds(date: Date): number {
  if (Number.isNaN(date.getTime())) throw new Error('invalid date');
  return Math.floor(date.getTime() / 1000);
}

/**
 * Splits a decoded claims set into the CWT map and EpiGrid's private claim map.
 * @throws Error when the claims are not a map or the private claim is missing
 */
export function readClaimsMap(decoded: unknown): { claims: Map<unknown, unknown>; own: Map<unknown, unknown> } {
  if (!(decoded instanceof Map)) throw new Error('CWT claims are not a map');
  const own = decoded.get(EPIGRID_CLAIM);
  if (!(own instanceof Map)) throw new Error(`EpiGrid claim ${EPIGRID_CLAIM} is missing`);
  return { claims: decoded, own };
}

/**
 * A text claim.
 * @throws Error naming the claim when it is missing or not text
 */
export function claimText(map: Map<unknown, unknown>, key: number, name: string): string {
  const value = map.get(key);
  if (typeof value !== 'string') throw new Error(`claim ${name} is missing or not text`);
  return value;
}

/**
 * A NumericDate claim as a Date.
 * @throws Error naming the claim when it is missing or not a number
 */
export function claimDate(map: Map<unknown, unknown>, key: number, name: string): Date {
  const value = map.get(key);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`claim ${name} is missing or not a date`);
  return new Date(value * 1000);
}

/** An optional NumericDate claim. */
export function optionalClaimDate(map: Map<unknown, unknown>, key: number, name: string): Date | undefined {
  return map.has(key) ? claimDate(map, key, name) : undefined;
}

/**
 * A number claim.
 * @throws Error naming the claim when it is missing or not a finite number
 */
export function claimNumber(map: Map<unknown, unknown>, key: number, name: string): number {
  const value = map.get(key);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`claim ${name} is missing or not a number`);
  return value;
}
