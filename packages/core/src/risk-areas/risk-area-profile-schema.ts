import { z } from 'zod';
import { DomainError } from '../errors/index.js';
import type { RiskAreaProfile } from './risk-area-profile.js';

const level = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a lower-case level name');
const days = z.number().int().min(1).max(60);

const tiered = z
  .strictObject({
    kind: z.literal('tiered'),
    levels: z.array(level).min(2).max(5),
    residenceLevel: level,
    activityLevel: level.nullable(),
    downgrades: z.array(
      z.strictObject({ from: level, to: level, quietDays: days, quietDaysIfDesignated: days.optional() }),
    ),
  })
  .superRefine((m, ctx) => {
    const known = new Set(m.levels);
    if (new Set(m.levels).size !== m.levels.length) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'levels must be distinct' });
    if (!known.has(m.residenceLevel)) ctx.addIssue({ code: 'custom', path: ['residenceLevel'], message: `unknown level ${m.residenceLevel}` });
    if (m.activityLevel !== null && !known.has(m.activityLevel)) ctx.addIssue({ code: 'custom', path: ['activityLevel'], message: `unknown level ${m.activityLevel}` });
    m.levels.slice(0, -1).forEach((from, i) => {
      const step = m.downgrades.find((d) => d.from === from);
      if (step === undefined) ctx.addIssue({ code: 'custom', path: ['downgrades'], message: `level ${from} has no downgrade step` });
      else if (m.levels.indexOf(step.to) <= i) ctx.addIssue({ code: 'custom', path: ['downgrades'], message: `${from} must step down to a lower level, not ${step.to}` });
    });
  });

const cumulativeCluster = z.strictObject({
  kind: z.literal('cumulative-cluster'),
  levels: z.tuple([level, level, level]),
  windowDays: days,
  cumulativeThreshold: z.number().int().min(0),
  cluster: z.strictObject({ windowDays: days, minCases: z.number().int().min(2) }),
});

/** The zod schema of a {@link RiskAreaProfile}; unknown keys are refused so typos surface. */
export const riskAreaProfileSchema: z.ZodType<RiskAreaProfile> = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, 'letters, digits, dot, dash or underscore (2–64)'),
  rulePrefix: z.string().min(1).max(64),
  title: z.string().min(1),
  protocolProfileIds: z.array(z.string()),
  unitLevel: z.string().min(1),
  utcOffsetMinutes: z.number().int().min(-720).max(840),
  newInfection: z.enum(['all', 'community']),
  model: z.discriminatedUnion('kind', [tiered, cumulativeCluster]),
});

/**
 * Validates an area-risk profile.
 * @param input - parsed JSON
 * @throws DomainError `validation_failed` naming every field and reason
 */
export function parseRiskAreaProfile(input: unknown): RiskAreaProfile {
  const result = riskAreaProfileSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), reason: i.message }));
  const summary = issues.map((i) => `${i.path || '(root)'}: ${i.reason}`).join('; ');
  throw new DomainError('validation_failed', { issues }, `Area risk profile is not valid: ${summary}`);
}
