export * from './great-circle.js';
export * from './forwarded-scan.js';
