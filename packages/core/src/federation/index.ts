export * from './referral-message.js';
