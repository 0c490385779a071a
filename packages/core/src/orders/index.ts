export * from './quarantine-order-template.js';
