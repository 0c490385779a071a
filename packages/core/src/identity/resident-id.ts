/**
 * Resident identity numbers (公民身份号码) as defined by GB 11643-1999: 6-digit address code,
 * 8-digit birth date (YYYYMMDD), 3-digit sequence (odd = male, even = female) and an ISO 7064
 * MOD 11-2 check character (0-9 or X).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** What a valid resident ID number tells about its holder. */
export interface ResidentIdFacts {
  /** The normalised 18-character number (upper-case X). */
  readonly value: string;
  /** The 6-digit administrative division code of registration. */
  readonly regionCode: string;
  /** Birth date as YYYY-MM-DD. */
  readonly birthDate: string;
  /** Sex encoded by the parity of the sequence number. */
  readonly sex: 'male' | 'female';
}

/** Why a resident ID number was refused. */
export type ResidentIdProblem = 'wrong_length' | 'bad_characters' | 'bad_date' | 'wrong_checksum';

/** The result of {@link parseResidentId}: facts, or the problem with a readable reason. */
export type ResidentIdResult =
  | { readonly ok: true; readonly facts: ResidentIdFacts }
  | { readonly ok: false; readonly problem: ResidentIdProblem; readonly reason: string };

/**
 * Computes the GB 11643 check character of the first 17 digits.
 * @param first17 - exactly 17 decimal digits
 * @returns the check character, '0'-'9' or 'X'
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Validates and decodes a resident ID number.
 * @param input - the number as typed or received; surrounding spaces and a lower-case x are accepted
 * @param today - the reference date (YYYY-MM-DD) used to refuse birth dates in the future
 * @returns the decoded facts, or the problem with a reason naming what is wrong
 */
export function parseResidentId(input: string, today: string): ResidentIdResult {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) {
    return { ok: false, problem: 'wrong_length', reason: `must have 18 characters, has ${value.length}` };
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, problem: 'bad_characters', reason: 'must be 17 digits followed by a digit or X' };
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (year < 1850 || !isRealDate(year, month, day)) {
    return { ok: false, problem: 'bad_date', reason: `birth date ${value.slice(6, 14)} is not a calendar date` };
  }
  if (birthDate > today) {
    return { ok: false, problem: 'bad_date', reason: `birth date ${birthDate} is in the future` };
  }
  const expected = residentIdCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, problem: 'wrong_checksum', reason: `check character is ${value[17]}, expected ${expected}` };
  }
  const sequence = Number(value.slice(14, 17));
  return {
    ok: true,
    facts: { value, regionCode: value.slice(0, 6), birthDate, sex: sequence % 2 === 1 ? 'male' : 'female' },
  };
}

/**
 * Builds a valid resident ID number from its parts (used by the synthetic city and by tests).
 * @param regionCode - 6 digits
 * @param birthDate - YYYY-MM-DD
 * @param sequence - 0..999; its parity encodes sex
 */
export function buildResidentId(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
