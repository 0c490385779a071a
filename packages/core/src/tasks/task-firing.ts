import { z } from 'zod';
import { roles } from '../access/roles.js';
import { personStates } from './outcome-codes.js';

const hours = z.number().positive().max(24 * 30);
const days = z.number().int().min(0).max(30);
const managedStates = z.array(z.enum(personStates)).min(1);

/**
 * When the loop creates a task type by itself, outside tracing and follow-ups, and the parameters of
 * that rule. `on` names the trigger; the store has one query per trigger.
 */
export const firingRuleSchema = z.discriminatedUnion('on', [
  z.strictObject({
    /** A positive pooled tube: one task per member with no individual result since the tube's result. */
    on: z.literal('pooled_positive'),
    /** Only tubes resulted this many hours back at most (older ones are history). */
    withinHours: hours,
  }),
  z.strictObject({
    /** A planned test day passed without a sample, or a mass-testing round closed without the resident. */
    on: z.literal('missed_test'),
    /** Management plans of these traced-contact kinds are read for their test days. */
    contactKinds: z.array(z.enum(['close', 'sub-close'])).min(1),
    /** Only people whose verified state is one of these (still under management). */
    states: managedStates,
    /** Test days and rounds this many days back at most. */
    withinDays: days,
    /**
     * A round (samples sharing a `round_id`) is over this many hours after its first sample; then
     * every resident of a grid it sampled, with no sample while it ran, is missing. Null: rounds ignored.
     */
    roundClosesAfterHours: hours.nullable(),
  }),
  z.strictObject({
    /** A health-code appeal was filed: a reviewer must decide it; deciding it closes the task. */
    on: z.literal('appeal'),
  }),
  z.strictObject({
    /** The person's management ends (the latest end date of their plans). */
    on: z.literal('quarantine_ending'),
    /** Only people whose verified state is one of these. */
    states: managedStates,
    /** From this many days before the end date (0 = on the day). */
    daysBefore: days,
    /** Until this many days after it, so a run that was missed still asks for the check. */
    daysAfter: days,
  }),
]);

/** A validated firing rule. */
export type FiringRule = z.infer<typeof firingRuleSchema>;

/** Who works a task type and where routing starts. */
export const taskRoutingSchema = z.strictObject({
  /** Roles that receive tasks of the type at a node. */
  roles: z.array(z.enum(roles)).min(1),
  /**
   * Routing starts at the person's ancestor of this level (e.g. `county` for reviewers) and, with
   * nobody there or above, the task waits at that node. Null: from the home, as for grid work.
   */
  fromLevel: z.string().min(1).nullable(),
});

/** A validated routing rule. */
export type TaskRouting = z.infer<typeof taskRoutingSchema>;

/** Grid work: grid workers, from the person's home up. */
export const gridWorkRouting: TaskRouting = { roles: ['grid_worker'], fromLevel: null };
