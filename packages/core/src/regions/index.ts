export * from './region.js';
