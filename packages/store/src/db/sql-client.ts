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
   * null, see {@link https://www.postgresql.org/docs/current/sql-copy.html}).
   * @param table - table name, optionally with a column list, e.g. `stage (a, b)`
   * @param text - the rows, each ending with a newline, already escaped
   */
  copyIn(table: string, text: string): Promise<void>;
  /** Closes the connection or pool. */
  close(): Promise<void>;
}

/** Rows returned by {@link SqlClient.query}. */
export interface QueryResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number;
}
