import { z } from 'zod';
import { DomainError } from '../errors/index.js';
import type { Clearance, CodeRuleSet } from './code-rule-set.js';
import { clearingInputs, triggerInputs } from './health-inputs.js';

const healthFactName = (allowed: readonly string[], what: string): z.ZodType<string> =>
  z.string().superRefine((value, ctx) => {
    if (!allowed.includes(value)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a health fact a rule may use as ${what}; allowed: ${allowed.join(', ')}` });
    }
  });

const clearance: z.ZodType<Clearance> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('elapsed'), days: z.number().min(0).max(60) }),
    z.strictObject({ kind: z.literal('fact-until'), extraDays: z.number().min(0).max(60) }),
    z.strictObject({
      kind: z.literal('evidence'),
      input: healthFactName(clearingInputs, 'clearing evidence'),
      count: z.number().int().min(1).max(10),
      minHoursApart: z.number().min(0),
      withinDays: z.number().min(0).nullable(),
      lookBackHours: z.number().min(0).max(24 * 14),
    }),
    z.strictObject({ kind: z.literal('any-of'), of: z.array(clearance).min(2) }),
  ]),
) as z.ZodType<Clearance>;

const rule = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9/-]{0,63}$/, 'lower-case letters, digits, dash or slash'),
  input: healthFactName(triggerInputs, 'a trigger'),
  areaLevels: z.array(z.string()).min(1).optional(),
  stages: z.array(z.strictObject({ colour: z.enum(['yellow', 'red']), clearance })).min(1).max(4),
  reasonKey: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/),
});

/** The zod schema of a {@link CodeRuleSet}: unknown keys and non-health inputs are refused. */
export const codeRuleSetSchema: z.ZodType<CodeRuleSet> = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/),
    rulePrefix: z.string().min(1).max(64),
    title: z.string().min(1),
    protocolProfileIds: z.array(z.string()),
    rules: z.array(rule).min(1),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((r, i) => {
      if (seen.has(r.key)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'key'], message: `duplicate rule key ${r.key}` });
      seen.add(r.key);
    });
  }) as z.ZodType<CodeRuleSet>;

/**
 * Loads a health-code rule set, refusing any rule whose inputs are not health facts.
 * @param input - parsed JSON or JSON text
 * @throws DomainError `validation_failed` whose message names each rule field and reason
 */
export function parseCodeRuleSet(input: unknown): CodeRuleSet {
  const value = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  const result = codeRuleSetSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), reason: i.message }));
  const summary = issues.map((i) => `${i.path || '(root)'}: ${i.reason}`).join('; ');
  throw new DomainError('validation_failed', { issues }, `Health-code rule set is not valid: ${summary}`);
}
