export * from './db/open-database.js';
export * from './db/pglite-client.js';
export * from './db/postgres-client.js';
export type * from './db/sql-client.js';
export * from './migrate/migrate.js';
export * from './testing/test-databases.js';
export * from './protect/identifier-vault.js';
export * from './users/password.js';
export * from './users/user-repository.js';
