/** Turns a risk-area list file the officer chose into the body of an import, as the command line does. */
import type { ImportedRiskList, RiskListImport } from './judgment-api.js';

/** The parts of a chosen file that decide how it is read. */
export interface ChosenFile {
  readonly name: string;
  /** The type the browser reports (often empty, or a spreadsheet type for CSV on some systems). */
  readonly type: string;
  readonly text: string;
}

/** The body to send, or why the file cannot be sent. */
export type RiskListFileReading = { readonly ok: true; readonly body: RiskListImport } | { readonly ok: false; readonly reason: string };

/**
 * Reads a chosen file as CSV when its name ends in `.csv` or the browser typed it `text/csv`, as
 * JSON otherwise; the file name is kept as the list's source. A blank publisher is left out, so the
 * server takes the one the list names (or says that one is needed); so is an empty level mapping.
 * @param file - name, type and text of the file
 * @param publisher - the publisher typed in the form
 * @param levelMap - the publisher's level names → this instance's, as typed in the form
 */
export function readRiskListFile(file: ChosenFile, publisher: string, levelMap: Readonly<Record<string, string>> = {}): RiskListFileReading {
  const named = publisher.trim();
  const base = { source: file.name, ...(named === '' ? {} : { publisher: named }), ...(Object.keys(levelMap).length === 0 ? {} : { levelMap }) };
  if (file.name.toLowerCase().endsWith('.csv') || file.type.toLowerCase().startsWith('text/csv')) return { ok: true, body: { ...base, csv: file.text } };
  try {
    return { ok: true, body: { ...base, list: JSON.parse(file.text) as unknown } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** How many areas of a list are at one of this instance's levels, and under which names the publisher gave them. */
export interface LevelCount {
  readonly level: string;
  readonly count: number;
  /** The publisher's names of these areas that differ from the level, in order of first appearance. */
  readonly publishedAs: readonly string[];
}

/**
 * Counts a list's areas by level: in the order of the publisher's levels (highest first) under the
 * names it gave them, then any level it does not declare (a CSV declares none) in order of first
 * appearance; levels without areas are left out.
 * @param levels - the publisher's levels, highest first, in its names
 * @param areas - the areas with this instance's level and, for imported areas, the publisher's name
 */
export function countByLevel(levels: readonly string[], areas: ReadonlyArray<{ readonly level: string; readonly publishedLevel?: string }>): readonly LevelCount[] {
  const counts = new Map<string, { count: number; publishedAs: Set<string>; rank: number }>();
  const rankOf = (name: string): number => {
    const index = levels.indexOf(name);
    return index === -1 ? levels.length : index;
  };
  for (const area of areas) {
    const published = area.publishedLevel ?? area.level;
    const entry = counts.get(area.level) ?? { count: 0, publishedAs: new Set<string>(), rank: levels.length };
    entry.count += 1;
    if (published !== area.level) entry.publishedAs.add(published);
    entry.rank = Math.min(entry.rank, rankOf(published));
    counts.set(area.level, entry);
  }
  // Map keeps first appearance; the stable sort keeps it among undeclared levels.
  return [...counts]
    .sort(([, a], [, b]) => a.rank - b.rank)
    .map(([level, { count, publishedAs }]) => ({ level, count, publishedAs: [...publishedAs] }));
}

/**
 * The publisher's level names its stored areas carry, in the publisher's order (undeclared names
 * last), each with the level of this instance it is mapped to now.
 * @param list - the stored list
 */
export function currentLevelMap(list: Pick<ImportedRiskList, 'levels' | 'areas'>): ReadonlyArray<readonly [string, string]> {
  const mapped = new Map<string, string>();
  for (const area of list.areas) if (!mapped.has(area.publishedLevel)) mapped.set(area.publishedLevel, area.level);
  const rank = (name: string): number => (list.levels.includes(name) ? list.levels.indexOf(name) : list.levels.length);
  return [...mapped].sort(([a], [b]) => rank(a) - rank(b));
}
