/**
 * Level names of an imported risk-area list turned into this instance's own. A publisher names its
 * levels as its rule does (`高风险`, `sealed`, `red`); the colour rules read only this instance's names,
 * so an imported area is stored at the level of this instance it stands for. The officer's mapping
 * decides first, then an equal name, then the rank in the two rules' lists of levels.
 */
import { invalidRiskList, type ImportableRiskArea, type ImportableRiskAreaList, type RiskListIssue } from './published-risk-areas.js';

/** How a published level name found its level here. */
export type LevelMatch =
  /** The importer named it. */
  | 'given'
  /** The publisher uses this instance's name. */
  | 'same-name'
  /** Same place in the two rules' levels (highest with highest, background with background). */
  | 'rank'
  /** This instance knows no levels (no area rule in force): kept as published. */
  | 'as-published';

/** One published level and the level of this instance it stands for. */
export interface LevelMappingEntry {
  /** The publisher's name. */
  readonly published: string;
  /** This instance's name: what is stored and what the colour rules read. */
  readonly level: string;
  readonly match: LevelMatch;
  /** How many of the list's risk areas carry it. */
  readonly areas: number;
}

/** What the levels are mapped with. */
export interface LevelMappingContext {
  /** This instance's levels, highest first, the last its background; empty when no area rule is in force. */
  readonly ours: readonly string[];
  /** The importer's mapping, publisher's name → this instance's; wins over names and ranks. */
  readonly given?: Readonly<Record<string, string>> | undefined;
}

/** An imported area at this instance's level, with the publisher's name kept. */
export interface MappedRiskArea extends ImportableRiskArea {
  /** The level as the publisher named it. */
  readonly publishedLevel: string;
}

/** A validated list whose areas carry this instance's levels. */
export interface MappedRiskAreaList extends Omit<ImportableRiskAreaList, 'areas'> {
  /** The risk areas; those mapped to this instance's background level are left out too. */
  readonly areas: readonly MappedRiskArea[];
  /** The mapping used, one entry per level the risk areas carry, in the publisher's order. */
  readonly levelMapping: readonly LevelMappingEntry[];
}

/** Counterparts by rank, and why a published level may have none. */
export interface RankCounterparts {
  /** Publisher's name → this instance's, for the levels that pair by rank. */
  readonly byName: ReadonlyMap<string, string>;
  /** The publisher's levels named as ours but at another rank: neither their name nor their rank can be trusted. */
  readonly clashes: ReadonlySet<string>;
  /** Why the other published levels have no counterpart by rank (for the refusal). */
  readonly missing: string;
}

/**
 * Pairs the publisher's levels with this instance's by rank: both lists run from the highest level
 * to the background level, so the highest pairs with the highest and the background with the
 * background; the levels between pair by position only when the two rules have as many levels.
 * Ranks are not used when the publisher uses one of this instance's names at another rank (a clash).
 * @param theirs - the publisher's levels, highest first (empty when the list gives none)
 * @param ours - this instance's levels, highest first
 */
export function rankCounterparts(theirs: readonly string[], ours: readonly string[]): RankCounterparts {
  if (theirs.length === 0) return { byName: new Map(), clashes: new Set(), missing: 'the list gives no levels to match by rank' };
  if (ours.length === 0) return { byName: new Map(), clashes: new Set(), missing: 'this instance has no area rule in force' };
  const counterpart = (i: number): string | undefined => {
    if (i === 0) return ours[0];
    if (i === theirs.length - 1) return ours[ours.length - 1];
    return theirs.length === ours.length ? ours[i] : undefined;
  };
  const clashes = new Set(theirs.filter((name, i) => ours.includes(name) && counterpart(i) !== name));
  if (clashes.size > 0) {
    const named = [...clashes].map((name) => `"${name}"`).join(', ');
    return { byName: new Map(), clashes, missing: `the list's levels (${theirs.join(', ')}) rank ${named} otherwise than this instance's (${ours.join(', ')}), so ranks are not matched` };
  }
  const byName = new Map<string, string>();
  theirs.forEach((name, i) => {
    const level = counterpart(i);
    if (level !== undefined) byName.set(name, level);
  });
  return { byName, clashes, missing: `the publisher has ${theirs.length} levels and this instance ${ours.length}, so only the highest and the background pair by rank` };
}

const checkGiven = (given: Readonly<Record<string, string>>, ours: readonly string[]): RiskListIssue[] =>
  ours.length === 0
    ? []
    : Object.entries(given)
        .filter(([, level]) => !ours.includes(level))
        .map(([published, level]) => ({ path: `levelMap.${published}`, reason: `"${level}" is not a level of this instance (${ours.join(', ')})` }));

/**
 * Maps the levels of a validated list to this instance's levels: the importer's mapping first, then
 * the same name, then the rank ({@link rankCounterparts}). A name of ours that the publisher ranks
 * otherwise needs the importer's mapping: taken by its name it could drop a risk area to the
 * background. Areas mapped to this instance's background
 * level are left out, as the publisher's own background areas were. Mappings given for levels the
 * list does not carry are allowed (one mapping serves a publisher's successive lists).
 * @param list - from `readPublishedRiskAreas`
 * @param context - this instance's levels and the importer's mapping
 * @throws DomainError `validation_failed` naming each level that maps to nothing (and the first area
 *   carrying it) with the levels this instance knows, and each given level this instance does not know
 */
export function mapRiskAreaLevels(list: ImportableRiskAreaList, context: LevelMappingContext): MappedRiskAreaList {
  const { ours } = context;
  const given = context.given ?? {};
  const issues = checkGiven(given, ours);
  const ranks = rankCounterparts(list.levels, ours);
  const used = new Map<string, { first: number; areas: number }>();
  list.areas.forEach((area, i) => {
    const seen = used.get(area.level);
    used.set(area.level, { first: seen?.first ?? i, areas: (seen?.areas ?? 0) + 1 });
  });
  const rankOf = (name: string): number => (list.levels.includes(name) ? list.levels.indexOf(name) : list.levels.length);
  const levelMapping: LevelMappingEntry[] = [];
  for (const [published, { first, areas }] of [...used].sort(([a], [b]) => rankOf(a) - rankOf(b))) {
    const entry = (level: string, match: LevelMatch): LevelMappingEntry => ({ published, level, match, areas });
    const count = areas === 1 ? '1 area' : `${areas} areas`;
    if (Object.hasOwn(given, published)) levelMapping.push(entry(given[published]!, 'given'));
    else if (ours.length === 0) levelMapping.push(entry(published, 'as-published'));
    else if (ranks.clashes.has(published)) {
      issues.push({ path: `areas.${first}.level`, reason: `level "${published}" (${count}) is named as one of this instance's levels but ${ranks.missing}; give a level mapping for it` });
    } else if (ours.includes(published)) levelMapping.push(entry(published, 'same-name'));
    else if (ranks.byName.has(published)) levelMapping.push(entry(ranks.byName.get(published)!, 'rank'));
    else {
      issues.push({
        path: `areas.${first}.level`,
        reason: `level "${published}" (${count}) is none of this instance's levels (${ours.join(', ')}) and ${ranks.missing}; give a level mapping for it`,
      });
    }
  }
  if (issues.length > 0) throw invalidRiskList(issues);
  const levelOf = new Map(levelMapping.map((m) => [m.published, m.level]));
  const background = ours.length > 1 ? ours[ours.length - 1] : undefined;
  const mapped = list.areas.map((area) => ({ ...area, level: levelOf.get(area.level)!, publishedLevel: area.level }));
  const risky = mapped.filter((area) => area.level !== background);
  return { ...list, areas: risky, backgroundAreas: list.backgroundAreas + mapped.length - risky.length, levelMapping };
}
