/** The unread-notice badge: what it reads for a count. */

/** Counts above this read as "99+". */
const MAX_SHOWN = 99;

/**
 * The badge text for a number of unread notices: empty when there are none (no badge), the number up
 * to 99, then "99+".
 * @param unread - unread notices
 */
export function badgeText(unread: number): string {
  if (!Number.isFinite(unread) || unread <= 0) return '';
  return unread > MAX_SHOWN ? `${MAX_SHOWN}+` : String(Math.floor(unread));
}
