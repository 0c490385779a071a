export * from './station-catalogue.js';
