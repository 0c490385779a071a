import { Decoder, Encoder, Tag } from 'cbor-x';

// Maps stay Maps (COSE and CWT use integer keys), byte strings stay untagged, no cbor-x records.
const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false, variableMapSize: true });
const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });

/** Encodes a value as plain CBOR (RFC 8949): Maps as maps, Uint8Array as byte strings. */
export function encodeCbor(value: unknown): Uint8Array {
  return encoder.encode(value);
}

/**
 * Decodes one CBOR item; fails when bytes are left over.
 * @throws Error when the bytes are not exactly one well-formed CBOR item
 */
export function decodeCbor(bytes: Uint8Array): unknown {
  if (bytes.length === 0) throw new Error('no CBOR data');
  const items = decoder.decodeMultiple(bytes) as unknown[] | undefined;
  if (!items || items.length !== 1) throw new Error(`expected one CBOR item, found ${items?.length ?? 0}`);
  return items[0];
}

/** A CBOR tag wrapping a value. */
export function cborTag(tag: number, value: unknown): Tag {
  return new Tag(value, tag);
}

/** Removes the given tags (outermost first) from a decoded value, in any order, each at most once. */
export function untag(value: unknown, tags: readonly number[]): { value: unknown; tags: number[] } {
  const seen: number[] = [];
  let current = value;
  while (current instanceof Tag && tags.includes(current.tag) && !seen.includes(current.tag)) {
    seen.push(current.tag);
    current = current.value;
  }
  return { value: current, tags: seen };
}

/** True for a decoded CBOR byte string. */
export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

/**
 * Converts decoded CBOR into plain JSON-like data: Maps to objects (keys as strings), byte strings
 * to hexadecimal, tags to their content, Dates to ISO strings.
 */
export function cborToJson(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(k)] = cborToJson(v);
    return out;
  }
  if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  if (value instanceof Tag) return cborToJson(value.value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(cborToJson);
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cborToJson(v)]));
  }
  return value;
}
