/** Result of {@link normalisePhone}. */
export type PhoneResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/**
 * Normalises a mainland China mobile number: strips spaces, dashes and a +86/0086 prefix, then
 * requires 11 digits starting with 1.
 * @param input - the number as received
 */
export function normalisePhone(input: string): PhoneResult {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  if (!/^1\d{10}$/.test(digits)) return { ok: false, reason: 'must be 11 digits starting with 1' };
  return { ok: true, value: digits };
}
