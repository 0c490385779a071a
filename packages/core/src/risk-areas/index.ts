export * from './builtin-risk-profiles.js';
export * from './classify-areas.js';
export type * from './risk-area-profile.js';
export * from './risk-area-profile-schema.js';
export * from './admin-code.js';
export * from './published-risk-areas.js';
export * from './risk-level-mapping.js';
