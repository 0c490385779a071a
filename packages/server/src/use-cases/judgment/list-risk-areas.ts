import { listRiskAreas, type RiskAreaRecord } from '@epigrid/store';
import type { Services } from '../../services.js';
import { judgmentRules } from './judgment-rules.js';

/** The public list: which rule is in force and the current risk areas (no personal data). */
export interface PublicRiskAreas {
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
  return { profileId: profile?.id ?? null, unitLevel: profile?.unitLevel ?? null, levels: [...levels], areas };
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
  const header = ['region_code', 'name_zh', 'name_en', 'region_level', 'level', 'rule_id', 'since', 'drops_at', 'infections'];
  const rows = list.areas.map((a) => [a.regionCode, a.nameZh, a.nameEn, a.regionLevel, a.level, a.ruleId, a.since, a.dropsAt, a.reasonCaseIds.length].map(csvCell).join(','));
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
