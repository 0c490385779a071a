/**
 * The subset of a PostgreSQL connection EpiGrid uses. Implemented over PGlite (embedded) and
 * node-postgres (DATABASE_URL), so repositories, migrations and tests are written once.
 */
export interface SqlClient {
  /** Which engine is underneath, for messages and the rare engine-specific tuning. */
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs one parameterised statement.
   * @param sql - SQL text with $1.. placeholders
   * @param params - values; arrays are passed as PostgreSQL arrays (cast text[] explicitly)
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /**
   * Runs a script of several statements without parameters (migrations).
   * @param sql - SQL script
   */
  exec(sql: string): Promise<void>;
  /**
   * Runs work in one transaction, committed if it resolves and rolled back if it throws.
   * @param work - receives a client bound to the transaction
   */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  /**
   * Bulk-loads rows with `COPY … FROM STDIN` in PostgreSQL's text format (tab-separated, `\N` for
   * null) or binary format (see {@link https://www.postgresql.org/docs/current/sql-copy.html}).
   * @param table - table name, optionally with a column list, e.g. `stage (a, b)`
   * @param data - text: the rows, each ending with a newline, already escaped, or their UTF-8 bytes;
   *   binary: a whole stream, header and trailer included
   * @param format - `text` (default) or `binary`
   */
  copyIn(table: string, data: string | Uint8Array, format?: CopyFormat): Promise<void>;
  /**
   * Streams the result of a query with `COPY (query) TO STDOUT`: bytes in PostgreSQL's text format
   * (tab-separated, `\N` for null) or binary format (see
   * {@link https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4}), in chunks that
   * split rows anywhere. Read it to the end or stop early: either way the connection is left usable
   * (an unfinished copy on a pooled connection closes that connection).
   * @param query - a SELECT without parameters (COPY takes none: inline only checked numbers)
   * @param format - `text` (default) or `binary`
   */
  copyOut(query: string, format?: CopyFormat): AsyncIterable<Uint8Array>;
  /** Closes the connection or pool. */
  close(): Promise<void>;
}

/** Data format of {@link SqlClient.copyIn} and {@link SqlClient.copyOut}. */
export type CopyFormat = 'text' | 'binary';

/** Rows returned by {@link SqlClient.query}. */
export interface QueryResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number;
}
