// Field readers for trust and revocation documents: each error names the field path.

/** A JSON object, or an error naming the path. */
export function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path}: expected an object`);
  return value as Record<string, unknown>;
}

/** A non-empty string, or an error naming the path. */
export function textAt(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${path}: expected a non-empty string`);
  return value;
}

/** An ISO-8601 time, or an error naming the path. */
export function timeAt(value: unknown, path: string): Date {
  const date = new Date(textAt(value, path));
  if (Number.isNaN(date.getTime())) throw new Error(`${path}: ${JSON.stringify(value)} is not an ISO-8601 time`);
  return date;
}

/** An optional ISO-8601 time. */
export function optionalTimeAt(value: unknown, path: string): Date | undefined {
  return value === undefined || value === null ? undefined : timeAt(value, path);
}

/** An array, or an error naming the path. */
export function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${path}: expected an array`);
  return value;
}
