export * from './affected-persons.js';
export * from './area-facts.js';
export * from './code-appeals.js';
export * from './code-overrides.js';
export * from './health-codes.js';
export * from './person-facts.js';
export * from './person-links.js';
export * from './risk-area-levels.js';
