import { listRiskAreas, type RiskAreaRecord } from '@epigrid/store';
import type { Services } from '../../services.js';
import { judgmentRules } from './judgment-rules.js';
import { riskAreaCsvColumns } from './risk-area-list-csv.js';

/** The public list: who publishes it and when, which rule is in force and the current risk areas (no personal data). */
export interface PublicRiskAreas {
  /** This instance's id, under which other instances import the list. */
  readonly publisher: string;
  readonly publishedAt: Date;
  readonly profileId: string | null;
  readonly unitLevel: string | null;
  /** Levels of the rule, highest first. */
  readonly levels: readonly string[];
  readonly areas: readonly RiskAreaRecord[];
}

/**
 * Lists the current risk areas, highest level first; open to everyone, so it carries area names,
 * levels, rule ids, start and drop days only (the reason is the number of infections, not who).
 * @param services - application services
 */
export async function listPublicRiskAreas(services: Services): Promise<PublicRiskAreas> {
  const { areas: profile } = judgmentRules(services);
  const levels = profile?.model.levels ?? [];
  const areas = (await listRiskAreas(services.db)).sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level) || a.regionPath.localeCompare(b.regionPath));
  return { publisher: services.config.federation.instanceId, publishedAt: services.now(), profileId: profile?.id ?? null, unitLevel: profile?.unitLevel ?? null, levels: [...levels], areas };
}

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The public list as RFC 4180 CSV with a header row.
 * @param list - the list
 */
export function riskAreasCsv(list: PublicRiskAreas): string {
  const header = riskAreaCsvColumns;
  const rows = list.areas.map((a) => [a.regionCode, a.nameZh, a.nameEn, a.regionLevel, a.level, a.ruleId, a.since, a.dropsAt, a.reasonCaseIds.length].map(csvCell).join(','));
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
