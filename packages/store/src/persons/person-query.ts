import { normalisePhone } from '@epigrid/core';
import type { IdentifierVault } from '../protect/identifier-vault.js';

/** How a search text is matched, decided from its shape. */
export type PersonMatch =
  | { readonly kind: 'resident_id'; readonly hash: string }
  | { readonly kind: 'phone'; readonly hash: string }
  | { readonly kind: 'id_tail'; readonly tail: string }
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'all' };

/**
 * Classifies a search text: a full ID number or phone is matched by its keyed hash (the clear value
 * is never stored), four ID characters by the stored tail, anything else as a name.
 * @param text - what the user typed
 * @param vault - the identifier vault, for hashing
 */
export function classifyPersonQuery(text: string | undefined, vault: IdentifierVault): PersonMatch {
  const q = (text ?? '').trim();
  if (q === '') return { kind: 'all' };
  if (/^\d{17}[\dXx]$/.test(q)) return { kind: 'resident_id', hash: vault.hash(q.toUpperCase()) };
  const phone = normalisePhone(q);
  if (phone.ok) return { kind: 'phone', hash: vault.hash(phone.value) };
  if (/^\d{3}[\dXx]$/.test(q)) return { kind: 'id_tail', tail: q.toUpperCase() };
  return { kind: 'name', text: q };
}
