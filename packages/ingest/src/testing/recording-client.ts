import type { SqlClient } from '@epigrid/store';

/**
 * The database, with every statement it is given written down (tests assert which path a load took).
 * @param db - database to pass every call through to
 * @param log - receives each statement's SQL (COPYs as `COPY table` / `COPY (query) TO STDOUT`)
 */
export function recordingClient(db: SqlClient, log: string[]): SqlClient {
  return {
    engine: db.engine,
    query: (sql, params) => (log.push(sql), db.query(sql, params)),
    exec: (sql) => (log.push(sql), db.exec(sql)),
    copyIn: (table, data, format) => (log.push(`COPY ${table}`), db.copyIn(table, data, format)),
    copyOut: (query, format) => (log.push(`COPY (${query}) TO STDOUT`), db.copyOut(query, format)),
    transaction: (work) => db.transaction((tx) => work(recordingClient(tx, log))),
    close: () => db.close(),
  };
}
