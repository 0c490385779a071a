import { z } from 'zod';
import { outcomeCodes, personStates, taskTriggers } from './outcome-codes.js';
import { firingRuleSchema, gridWorkRouting, taskRoutingSchema } from './task-firing.js';

const hours = z.number().positive().max(24 * 30);

/** What may close a task: a worker's outcome, or the decision of the appeal the task reviews. */
export const taskClosers = ['outcome', 'appeal_decision'] as const;

/** What one outcome code does on one task type: close it or not, the person's new state, a follow-up task. */
const outcomeEffect = z.strictObject({
  /** False keeps the task open (e.g. nobody home: visit again before the deadline). */
  closes: z.boolean(),
  state: z.enum(personStates).nullable(),
  /** Task type id created next for the same person, or null. */
  followUp: z.string().min(1).nullable(),
});

/** The zod schema of one task type; task types are data, validated when loaded. */
export const taskTypeSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** i18n key of the title shown to workers. */
  titleKey: z.string().min(1),
  /** Rule id recorded on every task of this type (the protocol rule that asks for it). */
  ruleId: z.string().min(1),
  trigger: z.enum(taskTriggers),
  /** Where the clock starts: the case report (close contacts: "under control within 24 h of the report") or the trigger. */
  clockStart: z.enum(['case_report', 'trigger']).default('trigger'),
  /** Hours from the clock start to the deadline. */
  deadlineHours: hours,
  /** Per protocol profile id, a different deadline where the editions differ. */
  deadlineHoursByProfile: z.record(z.string(), hours).default({}),
  /** Hours past the deadline (and past each escalation) before the task climbs one more level. */
  escalationStepHours: hours,
  /** 1 = most urgent. */
  priority: z.number().int().min(1).max(9),
  /** Outcome codes a worker may report, each with its effect. */
  outcomes: z.partialRecord(z.enum(outcomeCodes), outcomeEffect),
  /** The rule that creates tasks of this type by itself; null: only tracing or a follow-up creates them. */
  fires: firingRuleSchema.nullable().default(null),
  /** Who works the type and where routing starts; grid workers from the home by default. */
  routing: taskRoutingSchema.default(gridWorkRouting),
  /**
   * What closes a task of the type: a worker's `outcome` (the default), or the decision of the
   * appeal it reviews (`appeal_decision`) — then no outcome may close it, and the outcomes listed
   * only note progress (e.g. the appellant could not be reached).
   */
  closedBy: z.enum(taskClosers).default('outcome'),
});

/** A validated task type. */
export type TaskType = z.infer<typeof taskTypeSchema>;

/** The effect of one outcome on a task type. */
export type OutcomeEffect = z.infer<typeof outcomeEffect>;

/**
 * Validates a list of task types: each id once, every follow-up names a listed type, at least one
 * outcome closes the task (none may, for a type closed by its appeal's decision), a firing rule
 * fires on the type's own trigger.
 * @param input - untrusted data (JSON)
 * @returns the task types, or throws a ZodError naming the entry and field
 */
export function parseTaskTypes(input: unknown): TaskType[] {
  return z
    .array(taskTypeSchema)
    .superRefine((types, ctx) => {
      const ids = new Set<string>();
      types.forEach((t, i) => {
        if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `task type ${t.id} is listed twice` });
        ids.add(t.id);
      });
      types.forEach((t, i) => {
        const effects = Object.entries(t.outcomes);
        if (t.closedBy === 'outcome' && !effects.some(([, e]) => e.closes)) ctx.addIssue({ code: 'custom', path: [i, 'outcomes'], message: `task type ${t.id}: no outcome closes it` });
        if (t.closedBy === 'appeal_decision') {
          if (t.trigger !== 'appeal') ctx.addIssue({ code: 'custom', path: [i, 'closedBy'], message: `task type ${t.id}: only an appeal's review is closed by the appeal's decision` });
          for (const [code, e] of effects) {
            if (e.closes) ctx.addIssue({ code: 'custom', path: [i, 'outcomes', code, 'closes'], message: `task type ${t.id} is closed by its appeal's decision: outcome ${code} may not close it` });
          }
        }
        if (t.fires !== null && t.fires.on !== t.trigger) {
          ctx.addIssue({ code: 'custom', path: [i, 'fires', 'on'], message: `task type ${t.id}: fires on ${t.fires.on} but its trigger is ${t.trigger}` });
        }
        for (const [code, e] of effects) {
          if (e.followUp !== null && !ids.has(e.followUp)) {
            ctx.addIssue({ code: 'custom', path: [i, 'outcomes', code, 'followUp'], message: `unknown follow-up task type ${e.followUp}` });
          }
        }
      });
    })
    .parse(input);
}
