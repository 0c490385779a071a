/**
 * The signed-in user remembered for this tab (sessionStorage, like the token), so the app reopens
 * offline into the grid-worker app instead of the sign-in page. Forgotten at sign-out and session end.
 */
import type { Me } from './api-client.js';

const key = 'epigrid.me';

/**
 * Remembers the signed-in user.
 * @param me - the user
 */
export function rememberUser(me: Me): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(me));
  } catch {
    // Storage may be unavailable; the app then needs the network to reopen.
  }
}

/** The remembered user, or null. */
export function rememberedUser(): Me | null {
  try {
    const text = sessionStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as Me);
  } catch {
    return null;
  }
}

/** Forgets the remembered user. */
export function forgetUser(): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}
