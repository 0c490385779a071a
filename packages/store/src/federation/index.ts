export * from './federation-peers.js';
export * from './federation-outbox.js';
export * from './referrals.js';
