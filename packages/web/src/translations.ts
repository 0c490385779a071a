/**
 * UI strings in English and Chinese. Error messages for known API error codes are translated in
 * Chinese only: in English the server's own message is shown.
 */
import type { en } from './translations-en.js';

export { en } from './translations-en.js';
export { zh } from './translations-zh.js';

/** The shape every language provides; Chinese adds messages for known API error codes. */
export type Translations = Omit<typeof en, 'errors'> & { errors: typeof en.errors & Record<string, string> };
