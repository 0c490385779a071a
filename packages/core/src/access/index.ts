export * from './actor.js';
export * from './jurisdiction.js';
export * from './policy.js';
export * from './purposes.js';
export * from './roles.js';
