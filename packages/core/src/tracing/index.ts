export type * from './chain-types.js';
export type * from './evidence.js';
