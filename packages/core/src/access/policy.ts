import type { Actor } from './actor.js';
import { isWithinJurisdiction } from './jurisdiction.js';
import type { Purpose } from './purposes.js';
import type { Role } from './roles.js';

/** Things a user may ask to do; routes and use cases check them through {@link can}. */
export type Ability =
  | 'region.read'
  | 'person.search'
  | 'person.read'
  | 'person.write'
  | 'user.manage'
  | 'audit.read'
  | 'audit.verify'
  | 'import.run'
  | 'demo.control'
  /** Read a person's health code and its evidence. */
  | 'code.read'
  /** Read one's own health code (the public). */
  | 'code.read.own'
  /** Ask for a manual colour change (needs a second approver). */
  | 'code.override.request'
  /** Approve someone else's manual colour change. */
  | 'code.override.approve'
  /** File an appeal against a colour (for oneself, or as a grid worker for a resident). */
  | 'appeal.file'
  /** Review and decide appeals. */
  | 'appeal.decide'
  /** Recompute area risk levels and codes on demand. */
  | 'judgment.recompute'
  /** Import another jurisdiction's (or the national) list of current risk areas, and read the imported lists. */
  | 'risk-area.import'
  /** Rotate and revoke pass signing keys, revoke passes, import peers' trust lists. */
  | 'pass.keys.manage'
  /** Read tasks of one's jurisdiction (a grid worker: their own). */
  | 'task.read'
  /** Record the outcome of a task. */
  | 'task.record'
  /** Print quarantine orders (PDF) for people of one's jurisdiction. */
  | 'quarantine_order.print'
  /** Export task lists (CSV, XLSX). */
  | 'task.export'
  /** Read the escalation notices addressed to one's jurisdiction and mark them read. */
  | 'task.notice.read'
  /** List the isolation and quarantine facilities serving one's jurisdiction. */
  | 'facility.read';

/** Which identifiers of a person a reader may see in clear. */
export interface IdentifierVisibility {
  readonly residentId: boolean;
  readonly phone: boolean;
}

/**
 * Declarative policy: the abilities of each role. Jurisdiction is applied on top of this by
 * {@link can} and, for stored records, by the store's scoped queries.
 */
export const roleAbilities: Readonly<Record<Role, readonly Ability[]>> = {
  administrator: ['region.read', 'person.search', 'person.read', 'person.write', 'user.manage', 'audit.verify', 'import.run', 'demo.control', 'code.read', 'judgment.recompute', 'risk-area.import', 'pass.keys.manage', 'task.read', 'task.record', 'quarantine_order.print', 'task.export', 'task.notice.read', 'facility.read'],
  epidemiologist: ['region.read', 'person.search', 'person.read', 'person.write', 'import.run', 'code.read', 'code.override.request', 'code.override.approve', 'appeal.decide', 'judgment.recompute', 'risk-area.import', 'task.read', 'task.record', 'quarantine_order.print', 'task.export', 'task.notice.read', 'facility.read'],
  command_centre: ['region.read', 'person.search', 'person.read', 'demo.control', 'code.read', 'code.override.request', 'code.override.approve', 'appeal.decide', 'judgment.recompute', 'task.read', 'quarantine_order.print', 'task.export', 'task.notice.read', 'facility.read'],
  grid_worker: ['region.read', 'person.search', 'person.read', 'code.read', 'appeal.file', 'task.read', 'task.record', 'facility.read'],
  lab: ['region.read', 'person.search', 'person.read', 'import.run'],
  facility_manager: ['region.read', 'person.search', 'person.read', 'facility.read'],
  auditor: ['region.read', 'audit.read', 'audit.verify'],
  public: ['code.read.own', 'appeal.file'],
};

/**
 * Which (role, purpose) pairs see identifiers in clear. Anything not listed is masked: the
 * resident ID only to epidemiologists investigating or tracing; the phone also to those who must
 * call the person (grid workers verifying in the field, facility managers, labs reporting results).
 */
const clearIdentifiers: ReadonlyArray<{ role: Role; purposes: readonly Purpose[]; residentId: boolean; phone: boolean }> = [
  { role: 'epidemiologist', purposes: ['case_investigation', 'contact_tracing'], residentId: true, phone: true },
  { role: 'grid_worker', purposes: ['field_verification', 'quarantine_management'], residentId: false, phone: true },
  { role: 'facility_manager', purposes: ['quarantine_management'], residentId: false, phone: true },
  { role: 'lab', purposes: ['testing'], residentId: false, phone: true },
];

/**
 * Lists every ability of an actor, for display and for tests that pin the policy.
 * @param actor - the acting user
 */
export function abilitiesOf(actor: Pick<Actor, 'role'>): readonly Ability[] {
  return roleAbilities[actor.role];
}

/**
 * Decides whether an actor may perform an ability, optionally on a record at a region path.
 * @param actor - the acting user
 * @param ability - what they ask to do
 * @param recordPath - region path of the record concerned; omitted for actions on no record
 */
export function can(actor: Actor, ability: Ability, recordPath?: string): boolean {
  if (!roleAbilities[actor.role].includes(ability)) return false;
  return recordPath === undefined || isWithinJurisdiction(recordPath, actor.regionPath);
}

/**
 * Decides which identifiers a reader sees in clear for a declared purpose.
 * @param role - the reader's role
 * @param purpose - the declared purpose of the read
 */
export function identifierVisibility(role: Role, purpose: Purpose): IdentifierVisibility {
  const rule = clearIdentifiers.find((r) => r.role === role && r.purposes.includes(purpose));
  return { residentId: rule?.residentId ?? false, phone: rule?.phone ?? false };
}
