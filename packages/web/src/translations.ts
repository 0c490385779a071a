/**
 * UI strings in English and Chinese. Error messages for known API error codes are translated in
 * Chinese only: in English the server's own message is shown.
 */
export { en, type Translations } from './translations-en.js';
export { zh } from './translations-zh.js';
