export * from './mask.js';
export * from './phone.js';
export * from './resident-id.js';
