/** Result of {@link normalisePhone}. */
export type PhoneResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/**
 * Normalises a mainland China mobile number: strips spaces, dashes and a +86/0086 prefix, then
 * requires 11 digits starting with 1.
 * @param input - the number as received
 */
export function normalisePhone(input: string): PhoneResult {
  if (isPlainMobile(input)) return { ok: true, value: input };
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  if (!/^1\d{10}$/.test(digits)) return { ok: false, reason: 'must be 11 digits starting with 1' };
  return { ok: true, value: digits };
}

/** Already normal (the common case, read without regular expressions): 11 ASCII digits, the first a 1. */
function isPlainMobile(input: string): boolean {
  if (input.length !== 11 || input.charCodeAt(0) !== 0x31) return false;
  for (let i = 1; i < 11; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
