import type { SqlClient } from './sql-client.js';

/**
 * Runs work in a transaction, or in the caller's if it is already in one, with the JIT compilation
 * of queries off until that transaction ends (`SET LOCAL`: the session and server settings stay as
 * they are). For statements that probe an index once per candidate row: the planner charges every
 * probe as a read from disk, so their estimate crosses `jit_above_cost` when they have tens of
 * thousands of cached probes to make, and compiling them would take longer than running them.
 * @param db - database or transaction
 * @param work - receives the transaction
 */
export function withoutJit<T>(db: SqlClient, work: (tx: SqlClient) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return work(tx);
  });
}
