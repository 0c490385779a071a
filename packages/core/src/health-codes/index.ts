export * from './builtin-code-rules.js';
export type * from './code-rule-set.js';
export * from './code-rule-set-schema.js';
export * from './health-inputs.js';
export * from './judge-health-code.js';
export * from './safeguards.js';
export type * from './stage-clearance.js';
