export * from './outcome-codes.js';
export * from './task-type-schema.js';
export * from './task-firing.js';
export * from './builtin-task-types.js';
export * from './task-routing.js';
export * from './task-escalation.js';
export * from './facilities.js';
