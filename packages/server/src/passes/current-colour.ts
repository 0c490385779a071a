import { readHealthCode } from '@epigrid/store';
import type { Services } from '../services.js';

/** A person's current health-code colour as a pass states it. */
export interface CurrentColour {
  readonly colour: 'green' | 'yellow' | 'red';
  /** The rule id (or override reason) behind the colour; `none` for a person never judged. */
  readonly reasonCode: string;
  /** Key of the plain-words reason the person sees. */
  readonly reasonKey: string;
  /** When the colour lapses (a pass never outlives it); null for no fixed end. */
  readonly expiresAt: Date | null;
}

/**
 * Reads the person's current colour from the judgment (`health_code`): a person never judged is green;
 * a manual colour approved by two people lasts until its end.
 * @param services - application services
 * @param personId - person id
 */
export async function readCurrentColour(services: Services, personId: number): Promise<CurrentColour> {
  const code = await readHealthCode(services.db, personId);
  if (code === null) return { colour: 'green', reasonCode: 'none', reasonKey: 'green', expiresAt: null };
  const overrideUntil = code.overrideUntil === null ? null : new Date(code.overrideUntil);
  const manual = overrideUntil !== null && overrideUntil > services.now();
  const expiresAt = manual ? overrideUntil : code.expiresAt === null ? null : new Date(code.expiresAt);
  return { colour: code.colour, reasonCode: code.ruleId, reasonKey: code.reasonKey, expiresAt };
}
