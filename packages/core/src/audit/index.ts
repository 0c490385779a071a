export * from './audit-chain.js';
export * from './audit-entry.js';
