export * from './age.js';
export * from './person.js';
