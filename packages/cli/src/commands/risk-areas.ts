import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { systemActor } from '@epigrid/core';
import { createServices, importRiskAreaList, listImportedRiskAreaLists, remapImportedRiskAreaList, type RiskAreaListInput } from '@epigrid/server';
import { openConfigured } from '../open-configured.js';

/** Options of `epigrid risk-areas import`. */
export interface RiskAreasImportOptions {
  /** Publisher to store the list under (required for a CSV or a list naming none). */
  readonly publisher?: string;
  /** `--level PUBLISHED=OURS`, repeated: the publisher's level names mapped to this instance's. */
  readonly level?: readonly string[];
}

/**
 * Reads the repeated `--level PUBLISHED=OURS` options into a level mapping (the last `=` splits, so a
 * published name may hold one).
 * @param values - the option values as given
 * @throws Error naming a value that is not `PUBLISHED=OURS`, or a published name mapped twice otherwise
 */
export function levelMapOption(values: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const published = value.slice(0, at).trim();
    const ours = value.slice(at + 1).trim();
    if (at === -1 || published === '' || ours === '') throw new Error(`--level ${value}: write the publisher's level, "=", and this instance's, e.g. --level 高风险=high`);
    if (Object.hasOwn(map, published) && map[published] !== ours) throw new Error(`--level ${value}: ${published} is already mapped to ${map[published]}`);
    map[published] = ours;
  }
  return map;
}

const isUrl = (target: string): boolean => /^https?:\/\//i.test(target);

/**
 * Turns the text of a published list into the use case's input: CSV when the name ends in `.csv` or
 * the server said `text/csv`, JSON otherwise.
 * @param target - the file or URL it was read from
 * @param text - its content
 * @param contentType - the HTTP content type, for a URL
 * @param publisher - publisher given on the command line
 * @throws Error when JSON content is not JSON
 */
export function riskAreaListInput(target: string, text: string, contentType: string | null, publisher: string | undefined): RiskAreaListInput {
  const path = isUrl(target) ? new URL(target).pathname : target;
  const csv = extname(path).toLowerCase() === '.csv' || (contentType ?? '').toLowerCase().startsWith('text/csv');
  const base = { source: target, ...(publisher === undefined ? {} : { publisher }) };
  if (csv) return { ...base, csv: text };
  try {
    return { ...base, list: JSON.parse(text) as unknown };
  } catch (error) {
    throw new Error(`${target}: not JSON (${error instanceof Error ? error.message : String(error)}); a CSV file must end in .csv`);
  }
}

async function readTarget(target: string): Promise<{ text: string; contentType: string | null }> {
  if (!isUrl(target)) return { text: await readFile(target, 'utf8'), contentType: null };
  const response = await fetch(target, { signal: AbortSignal.timeout(60_000), headers: { accept: 'application/json, text/csv;q=0.9' } });
  if (!response.ok) throw new Error(`${target}: HTTP ${response.status} ${response.statusText}`);
  return { text: await response.text(), contentType: response.headers.get('content-type') };
}

/**
 * `epigrid risk-areas import FILE|URL [--publisher NAME] [--level PUBLISHED=OURS ...]`: another
 * jurisdiction's list of current risk areas (its `/api/risk-areas` JSON or `.csv`) replaces that
 * publisher's earlier list, its levels mapped to this instance's; its travellers are re-judged at once.
 * @param target - file or URL
 * @param options - publisher and level mapping
 */
export async function riskAreasImport(target: string, options: RiskAreasImportOptions): Promise<void> {
  const levelMap = levelMapOption(options.level ?? []);
  const { text, contentType } = await readTarget(target);
  const input = { ...riskAreaListInput(target, text, contentType, options.publisher), ...(Object.keys(levelMap).length === 0 ? {} : { levelMap }) };
  const opened = await openConfigured(process.env);
  try {
    const result = await importRiskAreaList(createServices(opened.db, opened.config, opened.secret), systemActor, input);
    console.log(
      `${result.publisher}: ${result.areas} risk area(s)${result.backgroundAreas > 0 ? ` (${result.backgroundAreas} at the background level left out)` : ''}` +
        `${result.replaced ? ', replacing the earlier list' : ''}; ${result.persons} traveller(s) re-judged, ${result.colourChanges} colour change(s)`,
    );
    const renamed = result.levelMapping.filter((m) => m.published !== m.level);
    if (renamed.length > 0) console.log(`levels: ${renamed.map((m) => `${m.published} → ${m.level} (${m.match === 'given' ? '--level' : m.match})`).join(', ')}`);
  } finally {
    await opened.db.close();
  }
}

/**
 * `epigrid risk-areas remap LIST_ID --level PUBLISHED=OURS ...`: changes the level mapping of a stored
 * imported list in place (ids as `risk-areas imports` shows them), by the rules of an import; its
 * travellers are re-judged at once.
 * @param listId - the list's id
 * @param options - the level mapping
 */
export async function riskAreasRemap(listId: string, options: Pick<RiskAreasImportOptions, 'level'>): Promise<void> {
  const id = Number(listId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`${listId}: not a list id; see epigrid risk-areas imports`);
  const levelMap = levelMapOption(options.level ?? []);
  const opened = await openConfigured(process.env);
  try {
    const list = await remapImportedRiskAreaList(createServices(opened.db, opened.config, opened.secret), systemActor, id, levelMap);
    const levels = new Map(list.areas.map((a) => [a.publishedLevel, a.level]));
    console.log(`${list.publisher}: ${list.areas.length} risk area(s); levels: ${[...levels].map(([published, level]) => `${published} → ${level}`).join(', ') || 'none'}`);
  } finally {
    await opened.db.close();
  }
}

/** `epigrid risk-areas imports`: the imported lists, with where and when each came from. */
export async function riskAreasImports(): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const lists = await listImportedRiskAreaLists(createServices(opened.db, opened.config, opened.secret), systemActor);
    if (lists.length === 0) console.log('no imported risk-area lists');
    for (const list of lists) {
      console.log(`#${list.id} ${list.publisher}: ${list.areas.length} area(s), published ${list.publishedAt?.toISOString() ?? 'at an unknown time'}, imported ${list.importedAt.toISOString()} by ${list.importedBy} from ${list.source}`);
      for (const a of list.areas) console.log(`  ${a.regionCode}  ${a.nameZh} ${a.nameEn}  ${a.level}${a.publishedLevel === a.level ? '' : ` (${a.publishedLevel})`}  since ${a.since}${a.dropsAt === null ? '' : `, drops ${a.dropsAt}`}`);
    }
  } finally {
    await opened.db.close();
  }
}
