export * from './access/index.js';
export * from './audit/index.js';
export * from './errors/index.js';
export * from './identity/index.js';
export * from './people/index.js';
export * from './regions/index.js';
export * from './protocol/index.js';
export type * from './tracing/index.js';
export * from './tasks/index.js';
