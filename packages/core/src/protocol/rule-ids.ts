import type { ProtocolProfile } from './protocol-profile.js';

/** Every rule a profile can fire; the rule id is `<rulePrefix>/<key>`. */
export const ruleKeys = [
  'window/onset',
  'window/sampling',
  'window/screening',
  'close/household',
  'close/venue',
  'close/vehicle/plane',
  'close/vehicle/plane-cabin',
  'close/vehicle/train-enclosed',
  'close/vehicle/train-open',
  'close/vehicle/coach-sealed',
  'close/vehicle/coach-open',
  'close/vehicle/ship',
  'close/investigator',
  'sub-close/household',
  'sub-close/venue',
  'companion/co-presence',
  'companion/dwell',
  'management/close',
  'management/sub-close',
  'management/companion',
  'chain/serial-interval',
] as const;

/** A rule of a profile, without the profile prefix. */
export type RuleKey = (typeof ruleKeys)[number];

/**
 * The stable id of a rule in a profile, recorded on every decision, e.g. `CN-P9/close/venue`.
 * @param profile - the profile (only its rule prefix is used)
 * @param key - the rule
 */
export function ruleId(profile: Pick<ProtocolProfile, 'rulePrefix'>, key: RuleKey): string {
  return `${profile.rulePrefix}/${key}`;
}
