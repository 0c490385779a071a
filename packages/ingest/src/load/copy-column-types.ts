import type { SqlClient } from '@epigrid/store';
import type { BinaryColumnType } from './binary-copy-writer.js';

const SUPPORTED = new Set<string>(['text', 'varchar', 'int2', 'int4', 'int8', 'float8', 'numeric', 'bool', 'date', 'timestamptz']);

/**
 * The stored types of the columns a COPY fills, in their order, read from the catalogue: binary
 * COPY needs each value in its column's exact form (a smallint as 2 bytes, say).
 * @param db - database
 * @param table - the target table
 * @param columns - the columns, in COPY order
 * @throws Error naming a column whose type the binary writer does not encode
 */
export async function copyColumnTypes(db: SqlClient, table: string, columns: readonly string[]): Promise<BinaryColumnType[]> {
  const result = await db.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, t.typname AS type FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [table],
  );
  const typeOf = new Map(result.rows.map((r) => [r.name, r.type]));
  return columns.map((column) => {
    const type = typeOf.get(column);
    if (type === undefined || !SUPPORTED.has(type)) throw new Error(`${table}.${column}: ${type ?? 'no such column'} is not a type the binary COPY writer encodes`);
    return type as BinaryColumnType;
  });
}
