/**
 * Another jurisdiction's list of current risk areas, in the format every EpiGrid instance publishes
 * at `GET /api/risk-areas` (a peer's list, or a national list written the same way), validated for
 * import. Unknown fields are ignored so that a newer publisher's list still reads.
 */
import { z } from 'zod';
import { DomainError } from '../errors/index.js';
import { adminCodePrefix } from './admin-code.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const isCalendarDay = (value: string): boolean => {
  const m = DAY.exec(value);
  if (m === null) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
};

const day = z.string().refine(isCalendarDay, 'not a date written YYYY-MM-DD');
const text = (max: number): z.ZodString => z.string().max(max);

/** Names of publishers: an instance id (`EPIGRID_INSTANCE_ID`) or a name given at import, such as `national`. */
export const publisherPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** One area of a published list. */
export const publishedRiskAreaSchema = z.object({
  regionCode: z.string().min(1).max(64),
  nameZh: text(200),
  nameEn: text(200),
  regionLevel: text(64),
  level: z.string().min(1).max(64),
  ruleId: text(200),
  since: day,
  dropsAt: day.nullable(),
  infections: z.number().int().min(0),
});

/** A published list: who published it and when (absent on lists that do not say), its rule and levels, its areas. */
export const publishedRiskAreaListSchema = z.object({
  publisher: z.string().regex(publisherPattern, 'lower-case letters, digits and hyphens').optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  profileId: z.string().max(200).nullable(),
  unitLevel: z.string().max(64).nullable(),
  /** Levels of the publisher's rule, highest first; the last is its background level (no risk). Empty when unknown. */
  levels: z.array(z.string().min(1).max(64)).max(20),
  areas: z.array(publishedRiskAreaSchema).max(200_000),
});

/** A published list as the JSON carries it. */
export type PublishedRiskAreaList = z.infer<typeof publishedRiskAreaListSchema>;

/** An area to import: as published, with the prefix the codes inside it start with. */
export interface ImportableRiskArea extends z.infer<typeof publishedRiskAreaSchema> {
  /** From {@link adminCodePrefix}; null when only the code itself matches. */
  readonly codePrefix: string | null;
}

/** A validated list, ready to store. */
export interface ImportableRiskAreaList {
  readonly publisher: string;
  readonly publishedAt: string | null;
  readonly profileId: string | null;
  readonly unitLevel: string | null;
  readonly levels: readonly string[];
  /** The risk areas (areas at the background level are left out). */
  readonly areas: readonly ImportableRiskArea[];
  /** How many areas were at the background level and left out. */
  readonly backgroundAreas: number;
}

/** Options of {@link readPublishedRiskAreas}. */
export interface ReadPublishedOptions {
  /** Publisher to store the list under; required when the list does not name one, and wins over it. */
  readonly publisher?: string | undefined;
}

/** One fault of a list: the field (dotted path) and why. */
export interface RiskListIssue {
  readonly path: string;
  readonly reason: string;
}

/**
 * The refusal of a list: `validation_failed` naming the first ten faults, with how many more there are.
 * @param issues - the faults
 */
export const invalidRiskList = (issues: readonly RiskListIssue[]): DomainError => {
  const shown = issues.slice(0, 10);
  const summary = shown.map((i) => `${i.path || '(root)'}: ${i.reason}`).join('; ') + (issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '');
  return new DomainError('validation_failed', { issues: shown }, `The risk-area list is not valid: ${summary}`);
};

/**
 * Validates a published list of current risk areas for import: every field, dates that are calendar
 * dates with the drop day after the start, levels among the list's own, each area once; areas at the
 * background level are left out.
 * @param input - the parsed JSON
 * @param options - publisher given by the importer
 * @throws DomainError `validation_failed` naming each field at fault
 */
export function readPublishedRiskAreas(input: unknown, options: ReadPublishedOptions = {}): ImportableRiskAreaList {
  const parsed = publishedRiskAreaListSchema.safeParse(input);
  if (!parsed.success) throw invalidRiskList(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), reason: i.message })));
  const list = parsed.data;
  const issues: RiskListIssue[] = [];
  const publisher = options.publisher ?? list.publisher;
  if (publisher === undefined) issues.push({ path: 'publisher', reason: 'the list names no publisher; give one (e.g. national)' });
  else if (!publisherPattern.test(publisher)) issues.push({ path: 'publisher', reason: `"${publisher}" is not a publisher name: lower-case letters, digits and hyphens` });
  if (new Set(list.levels).size !== list.levels.length) issues.push({ path: 'levels', reason: 'a level is listed twice' });
  const background = list.levels.length > 1 ? list.levels[list.levels.length - 1] : undefined;
  const seen = new Set<string>();
  list.areas.forEach((area, i) => {
    if (list.levels.length > 0 && !list.levels.includes(area.level)) issues.push({ path: `areas.${i}.level`, reason: `"${area.level}" is not one of the list's levels: ${list.levels.join(', ')}` });
    if (area.dropsAt !== null && area.dropsAt <= area.since) issues.push({ path: `areas.${i}.dropsAt`, reason: `${area.dropsAt} is not after since (${area.since})` });
    if (seen.has(area.regionCode)) issues.push({ path: `areas.${i}.regionCode`, reason: `${area.regionCode} is listed twice` });
    seen.add(area.regionCode);
  });
  if (issues.length > 0) throw invalidRiskList(issues);
  const risky = list.areas.filter((a) => a.level !== background);
  return {
    publisher: publisher!,
    publishedAt: list.publishedAt ?? null,
    profileId: list.profileId,
    unitLevel: list.unitLevel,
    levels: list.levels,
    areas: risky.map((a) => ({ ...a, codePrefix: adminCodePrefix(a.regionCode) })),
    backgroundAreas: list.areas.length - risky.length,
  };
}
