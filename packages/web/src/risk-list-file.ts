/** Turns a risk-area list file the officer chose into the body of an import, as the command line does. */
import type { RiskListImport } from './judgment-api.js';

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
 * server takes the one the list names (or says that one is needed).
 * @param file - name, type and text of the file
 * @param publisher - the publisher typed in the form
 */
export function readRiskListFile(file: ChosenFile, publisher: string): RiskListFileReading {
  const named = publisher.trim();
  const base = { source: file.name, ...(named === '' ? {} : { publisher: named }) };
  if (file.name.toLowerCase().endsWith('.csv') || file.type.toLowerCase().startsWith('text/csv')) return { ok: true, body: { ...base, csv: file.text } };
  try {
    return { ok: true, body: { ...base, list: JSON.parse(file.text) as unknown } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** How many areas of a list are at one level. */
export interface LevelCount {
  readonly level: string;
  readonly count: number;
}

/**
 * Counts a list's areas by level: the publisher's levels first, highest first, then any level it does
 * not declare (a CSV declares none) in order of first appearance; levels without areas are left out.
 * @param levels - the publisher's levels, highest first
 * @param areas - the areas with their levels
 */
export function countByLevel(levels: readonly string[], areas: ReadonlyArray<{ readonly level: string }>): readonly LevelCount[] {
  const counts = new Map<string, number>();
  for (const area of areas) counts.set(area.level, (counts.get(area.level) ?? 0) + 1);
  const rank = (level: string): number => {
    const index = levels.indexOf(level);
    return index === -1 ? levels.length : index;
  };
  // Map keeps first appearance; the stable sort keeps it among undeclared levels.
  return [...counts].map(([level, count]) => ({ level, count })).sort((a, b) => rank(a.level) - rank(b.level));
}
