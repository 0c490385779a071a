export * from './pass-keys.js';
export * from './pass-revocations.js';
export * from './trusted-issuers.js';
export * from './place-code-scans.js';
export * from './pass-holders.js';
