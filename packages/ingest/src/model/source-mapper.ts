import type { IdentityClaim } from './identity-claim.js';
import type { Rejection } from './source-record.js';

/** PostgreSQL type of a column a mapper fills (used for the bulk insert's array casts). */
export type ColumnType = 'text' | 'date' | 'timestamptz' | 'int' | 'numeric' | 'boolean' | 'bigint';

/** One source-specific column of the target table. */
export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
}

/** A code the loader must look up (place codes, grid codes); the id found goes into `column`. */
export interface Reference {
  readonly kind: 'place' | 'venue' | 'grid';
  readonly field: string;
  readonly code: string;
  readonly column: string;
}

/** A valid row, ready for the loader. */
export interface MappedRow {
  /** The row key (`…_id`). */
  readonly key: string;
  /** Partition day (YYYY-MM-DD) for presence tables, else null. */
  readonly day: string | null;
  readonly identity: IdentityClaim | null;
  readonly references: readonly Reference[];
  /**
   * Column → value for the source-specific columns (references are filled in by the loader); a
   * time is its text or, better, the field rules' reading of it (then the loader reads it no more).
   */
  readonly values: Readonly<Record<string, unknown>>;
}

/** The outcome of mapping one row. */
export type MapResult = { readonly ok: true; readonly row: MappedRow } | { readonly ok: false; readonly rejection: Rejection };

/** Where a records source writes: its table, row key column and columns. */
export interface RecordTarget {
  readonly kind: 'records';
  readonly table: string;
  readonly keyColumn: string;
  readonly columns: readonly ColumnSpec[];
  /** Presence tables are partitioned by day; the unique key is (key, day). */
  readonly partitioned: boolean;
  /** When set, a row with a stored key and a newer value of this column replaces it (kept in history). */
  readonly correctedBy?: string | undefined;
}

/** The population registry writes persons and households, not records. */
export interface RegistryTarget {
  readonly kind: 'registry';
}

/** What the mapper knows of the day it runs (resident IDs with a future birth date are refused). */
export interface MapContext {
  readonly today: string;
}

/**
 * One source: its field names, where its rows go, and a pure function validating and converting a
 * raw row. Adding a source is one file exporting one of these, listed in the source catalogue.
 */
export interface SourceMapper {
  readonly source: string;
  /** Every field name the source defines (others are reported as extra columns and ignored). */
  readonly fields: readonly string[];
  readonly target: RecordTarget | RegistryTarget;
  /**
   * Validates and converts one row.
   * @param raw - field → text
   * @param context - today's date
   */
  map(raw: Readonly<Record<string, string>>, context: MapContext): MapResult;
}
