import { builtinRiskAreaProfile, codeRuleSetFor, riskAreaProfileFor, type CodeRuleSet, type RiskAreaProfile } from '@epigrid/core';
import type { Services } from '../../services.js';

/** The rules in force for research and judgment; either may be null where the edition has none. */
export interface JudgmentRules {
  readonly areas: RiskAreaProfile | null;
  readonly codes: CodeRuleSet | null;
}

/**
 * The area rule and colour rule set in force: those linked to the active protocol profile, or the
 * configured area rule, with the configured area unit level.
 * @param services - application services
 */
export function judgmentRules(services: Pick<Services, 'config' | 'profile'>): JudgmentRules {
  const configured = services.config.judgment;
  const base = configured.riskAreaProfileId === null ? riskAreaProfileFor(services.profile.id) : builtinRiskAreaProfile(configured.riskAreaProfileId);
  const areas = base === null || configured.riskAreaUnit === null ? base : { ...base, unitLevel: configured.riskAreaUnit };
  return { areas, codes: codeRuleSetFor(services.profile.id) };
}
