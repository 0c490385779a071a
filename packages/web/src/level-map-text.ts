/** The level mapping an officer types on the import form: `高风险=high, 中风险=medium`. */

/** The mapping read, or the piece that could not be read. */
export type LevelMapReading =
  | { readonly ok: true; readonly levelMap: Readonly<Record<string, string>> }
  /** `malformed`: not written `published=ours`; `twice`: one published level mapped to two of ours. */
  | { readonly ok: false; readonly problem: 'malformed' | 'twice'; readonly entry: string };

// Typed with a Chinese input method, the separators and the equals sign often come out full-width.
const SEPARATORS = /[,，;；、\n]/;
const EQUALS = /[=＝]/g;

/**
 * Reads `published=ours` pairs separated by commas, semicolons or new lines; blank text is no
 * mapping. The last equals sign splits a pair, so a published name may hold one.
 * @param text - what the officer typed
 */
export function readLevelMapText(text: string): LevelMapReading {
  const levelMap: Record<string, string> = {};
  for (const raw of text.split(SEPARATORS)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const split = [...entry.matchAll(EQUALS)].at(-1)?.index ?? -1;
    const published = entry.slice(0, split).trim();
    const ours = entry.slice(split + 1).trim();
    if (split === -1 || published === '' || ours === '') return { ok: false, problem: 'malformed', entry };
    if (Object.hasOwn(levelMap, published) && levelMap[published] !== ours) return { ok: false, problem: 'twice', entry: published };
    levelMap[published] = ours;
  }
  return { ok: true, levelMap };
}
