import { classifyAreas } from '@epigrid/core';
import { readAreaCaseFacts, saveRiskAreaLevels } from '@epigrid/store';
import type { Services } from '../../services.js';
import { recordAudit } from '../record-audit.js';
import { judgmentRules } from './judgment-rules.js';

/** What a recompute of the area levels did. */
export interface AreaRecompute {
  readonly profileId: string | null;
  readonly areas: number;
  readonly riskAreas: number;
  /** Areas whose level, rule, start or drop day changed. */
  readonly changedRegionIds: readonly number[];
}

/**
 * Classifies every area with an infection under the area rule in force, at the services' clock, and
 * stores the levels (history appended for each change, which is also audited).
 * @param services - application services
 */
export async function recomputeRiskAreas(services: Services): Promise<AreaRecompute> {
  const { areas: profile } = judgmentRules(services);
  if (profile === null) return { profileId: null, areas: 0, riskAreas: 0, changedRegionIds: [] };
  const now = services.now();
  const { facts, regionIds } = await readAreaCaseFacts(services.db, profile.unitLevel, profile.utcOffsetMinutes);
  const levels = classifyAreas(facts, profile, Math.floor(now.getTime() / 1000)).map((l) => ({ ...l, regionId: regionIds.get(l.areaPath)! }));
  const changed = await saveRiskAreaLevels(services.db, levels, now);
  if (changed.length > 0) {
    const changedSet = new Set(changed);
    await recordAudit(services, {
      actor: null,
      actorName: 'system',
      action: 'risk-area.levels',
      purpose: 'system',
      subject: null,
      outcome: 'allowed',
      details: {
        profileId: profile.id,
        changes: levels.filter((l) => changedSet.has(l.regionId)).map((l) => ({ area: l.areaPath, level: l.level, ruleId: l.ruleId, since: l.since, dropsAt: l.dropsAt })),
      },
    });
  }
  return { profileId: profile.id, areas: levels.length, riskAreas: levels.filter((l) => !l.background).length, changedRegionIds: changed };
}
