import type { CodeRule, CodeRuleSet } from './code-rule-set.js';
import { colourRank, type CodeColour, type EvidenceRef, type HealthFact } from './health-inputs.js';
import { stageEnd, type NextCondition } from './stage-clearance.js';

/** The colour of a person's code at one instant, with everything needed to explain it. */
export interface HealthCodeJudgement {
  readonly ruleSetId: string;
  readonly colour: CodeColour;
  /** `<rulePrefix>/<rule key>`, or `<rulePrefix>/green` when no rule holds. */
  readonly ruleId: string;
  /** Key of the plain-words reason. */
  readonly reasonKey: string;
  /** When the current stage of the deciding rule began (epoch seconds), null for green. */
  readonly since: number | null;
  /** The records behind the colour (every fact holding the person at this colour). */
  readonly evidence: readonly EvidenceRef[];
  /** When the colour ends by time alone, or null (green, or waiting for a condition). */
  readonly expiresAt: number | null;
  /** What the person must show to move on, when that is not time alone. */
  readonly nextCondition: NextCondition | null;
  /** The colour at `expiresAt` if nothing new happens, or null without an expiry. */
  readonly nextColour: CodeColour | null;
}

/** One rule holding a person at a colour through one fact. */
interface ActiveStage {
  readonly rule: CodeRule;
  readonly ruleIndex: number;
  readonly fact: HealthFact;
  readonly colour: CodeColour;
  readonly since: number;
  /** Latest time this stage can last by time alone; null when it waits on a condition only. */
  readonly expiresAt: number | null;
  readonly condition: NextCondition | null;
}

function activeStage(rule: CodeRule, ruleIndex: number, fact: HealthFact, facts: readonly HealthFact[], at: number): ActiveStage | null {
  let start = fact.at;
  for (const stage of rule.stages) {
    const end = stageEnd(stage.clearance, start, fact, facts, at);
    if (end.met !== null) {
      start = end.met;
      continue;
    }
    return { rule, ruleIndex, fact, colour: stage.colour, since: start, expiresAt: end.timed, condition: end.condition };
  }
  return null;
}

const evidenceKey = (e: EvidenceRef): string => `${e.source}:${String(e.id).padStart(12, '0')}`;

function judgeKnown(known: readonly HealthFact[], ruleSet: CodeRuleSet, at: number): Omit<HealthCodeJudgement, 'nextColour'> {
  const active: ActiveStage[] = [];
  ruleSet.rules.forEach((rule, ruleIndex) => {
    for (const fact of known) {
      if (fact.input !== rule.input) continue;
      if (rule.areaLevels !== undefined && (fact.areaLevel === undefined || !rule.areaLevels.includes(fact.areaLevel))) continue;
      const stage = activeStage(rule, ruleIndex, fact, known, at);
      if (stage !== null) active.push(stage);
    }
  });
  if (active.length === 0) {
    return { ruleSetId: ruleSet.id, colour: 'green', ruleId: `${ruleSet.rulePrefix}/green`, reasonKey: 'green', since: null, evidence: [], expiresAt: null, nextCondition: null };
  }
  const worst = Math.max(...active.map((a) => colourRank(a.colour)));
  const holding = active.filter((a) => colourRank(a.colour) === worst);
  // The deciding stage is the one that lasts longest: a condition outlasts any time; ties go to rule order.
  const lasting = (a: ActiveStage): number => (a.expiresAt === null ? Number.POSITIVE_INFINITY : a.expiresAt);
  const decider = [...holding].sort((a, b) => lasting(b) - lasting(a) || a.ruleIndex - b.ruleIndex || a.fact.at - b.fact.at)[0]!;
  const evidence = new Map(holding.map((a) => [evidenceKey(a.fact.evidence), a.fact.evidence]));
  const expiresAt = holding.some((a) => a.expiresAt === null) ? null : Math.max(...holding.map((a) => a.expiresAt!));
  return {
    ruleSetId: ruleSet.id,
    colour: decider.colour,
    ruleId: `${ruleSet.rulePrefix}/${decider.rule.key}`,
    reasonKey: decider.rule.reasonKey,
    since: Math.min(...holding.map((a) => a.since)),
    evidence: [...evidence.keys()].sort().map((k) => evidence.get(k)!),
    expiresAt,
    nextCondition: decider.condition,
  };
}

/**
 * Judges a person's health-code colour at one instant. Pure: a function of the facts, the rule set
 * and the instant only, so the automatic transitions (red → yellow → green) are what a later
 * evaluation returns; facts dated after `at` are ignored. The most severe holding rule decides.
 * @param facts - the person's health facts
 * @param ruleSet - the rule set in force
 * @param at - the instant (epoch seconds)
 */
export function judgeHealthCode(facts: readonly HealthFact[], ruleSet: CodeRuleSet, at: number): HealthCodeJudgement {
  const known = facts.filter((f) => f.at <= at);
  const now = judgeKnown(known, ruleSet, at);
  // "If nothing new happens": the same known facts, seen at the expiry.
  const nextColour = now.expiresAt === null ? null : judgeKnown(known, ruleSet, now.expiresAt).colour;
  return { ...now, nextColour };
}
