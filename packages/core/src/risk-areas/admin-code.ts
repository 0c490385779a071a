/**
 * Containment between region codes of other jurisdictions, for which this instance holds no region
 * tree. Chinese administrative codes nest by their digits: GB/T 2260 writes a province as `PP0000`,
 * a prefecture as `PPCC00` and a county as `PPCCDD`; town (9 digits) and village (12 digits) codes
 * of GB/T 10114 begin with their county's code. Any other code nests in nothing but itself.
 */

const DIGITS = /^\d+$/;

/**
 * The prefix every digit code inside a region starts with, or null when the code does not nest by
 * its digits (then only the code itself matches). A 6-digit code drops its trailing `00` pairs
 * (`440100` → `4401`, `440000` → `44`); a longer digit code is its own prefix.
 * @param code - a region code, e.g. `440106`
 */
export function adminCodePrefix(code: string): string | null {
  if (!DIGITS.test(code) || code.length < 6) return null;
  if (code.length > 6) return code;
  let prefix = code;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/**
 * Tells whether a region code names an area or a region inside it: `440106001` lies in `440106`,
 * `440100` and `440000`; `440106` does not lie in `440107`; a code that is not all digits lies only in itself.
 * @param code - the code of the region in question (a station's region)
 * @param areaCode - the code of the area
 */
export function isWithinAdminCode(code: string, areaCode: string): boolean {
  if (code === areaCode) return true;
  const prefix = adminCodePrefix(areaCode);
  return prefix !== null && DIGITS.test(code) && code.length > prefix.length && code.startsWith(prefix);
}
