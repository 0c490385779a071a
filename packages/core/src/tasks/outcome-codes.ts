/** What a grid worker may report after a visit or call (the contract's OutcomeCode). */
export const outcomeCodes = ['reached', 'not_home', 'moved', 'refused', 'transferred', 'tested'] as const;

/** One of {@link outcomeCodes}. */
export type OutcomeCode = (typeof outcomeCodes)[number];

/**
 * Tells whether a string names an outcome code.
 * @param value - candidate code
 */
export function isOutcomeCode(value: string): value is OutcomeCode {
  return (outcomeCodes as readonly string[]).includes(value);
}

/** What an outcome makes of the person, as recorded in `person_state`. */
export const personStates = [
  'under_quarantine',
  'home_isolation',
  'notified',
  'tested',
  'unreachable',
  'moved',
  'refused',
  'released',
] as const;

/** One of {@link personStates}. */
export type PersonStateName = (typeof personStates)[number];

/** What produces a task: a judgment or an event the loop reacts to. */
export const taskTriggers = [
  'close_contact',
  'sub_close_contact',
  'companion',
  'pooled_positive',
  'missed_test',
  'appeal',
  'quarantine_ending',
] as const;

/** One of {@link taskTriggers}. */
export type TaskTrigger = (typeof taskTriggers)[number];
