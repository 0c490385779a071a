import { DomainError } from '../errors/index.js';
import type { CodeColour } from './health-inputs.js';

/**
 * The closed list of reasons for a manual colour change (§4.5): each names an epidemic-control
 * ground; there is deliberately no free "other".
 */
export const overrideReasonCodes = [
  'lab-error-correction',
  'identity-mismatch',
  'data-entry-error',
  'clinical-assessment',
  'appeal-upheld',
  'field-investigation',
] as const;

/** One of {@link overrideReasonCodes}. */
export type OverrideReasonCode = (typeof overrideReasonCodes)[number];

/** Hours a reviewer has to decide an appeal (the service level of §4.5). */
export const appealDeadlineHours = 24;

/** Longest time a manual colour holds before the rules take over again. */
export const maxOverrideDays = 14;

/**
 * Tells whether a string is an override reason code.
 * @param value - candidate
 */
export function isOverrideReasonCode(value: string): value is OverrideReasonCode {
  return (overrideReasonCodes as readonly string[]).includes(value);
}

/**
 * The two-person rule: the approver of an override must be another user than its requester.
 * @param requestedByUserId - who asked for the change
 * @param approverUserId - who approves it
 * @throws DomainError `two_person_rule` when they are the same user
 */
export function assertSecondApprover(requestedByUserId: number, approverUserId: number): void {
  if (requestedByUserId === approverUserId) throw new DomainError('two_person_rule', { requestedBy: requestedByUserId, approver: approverUserId });
}

/**
 * Persons a manual change may not touch: asking for yellow or red on anyone without an
 * epidemiological link (case, traced contact, companion, pooled-tube membership) is refused — the
 * Zhengzhou depositors' pattern. Lifting a colour (green) needs no link.
 * @param target - the colour asked for
 * @param personIds - the persons of the request
 * @param linked - those among them with a link
 * @returns the unlinked persons that make the request refused (empty = allowed)
 */
export function unlinkedTargets(target: CodeColour, personIds: readonly number[], linked: ReadonlySet<number>): number[] {
  if (target === 'green') return [];
  return personIds.filter((id) => !linked.has(id));
}

/**
 * When an appeal filed at a time must be decided.
 * @param filedAt - filing time
 */
export function appealDeadline(filedAt: Date): Date {
  return new Date(filedAt.getTime() + appealDeadlineHours * 3_600_000);
}
