export * from './builtin-profiles.js';
export * from './day-counting.js';
export * from './management-plan.js';
export * from './parse-profile.js';
export type * from './protocol-profile.js';
export * from './protocol-profile-schema.js';
export * from './rule-ids.js';
