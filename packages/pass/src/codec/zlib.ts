import { unzlibSync, zlibSync } from 'fflate';

/**
 * Compresses bytes in the zlib format (RFC 1950).
 * @param level - 9 (best) by default; 0 writes a stored (uncompressed) zlib stream
 */
export function compressZlib(bytes: Uint8Array, level: 0 | 9 = 9): Uint8Array {
  return zlibSync(bytes, { level, mem: 0 });
}

/** No QR payload inflates beyond this; larger output means a damaged or hostile stream. */
const MAX_INFLATED = 1 << 20;

/**
 * Decompresses zlib (RFC 1950) data, checking the header and the Adler-32 trailer, which the
 * inflater itself does not, so that a damaged stream fails instead of yielding altered bytes.
 * @throws Error naming what is wrong
 */
export function decompressZlib(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 6) throw new Error(`zlib data too short (${bytes.length} bytes)`);
  const cmf = bytes[0]!;
  const flg = bytes[1]!;
  if ((cmf & 0x0f) !== 8 || (cmf << 8 | flg) % 31 !== 0) throw new Error('not zlib data (bad header)');
  let out: Uint8Array;
  try {
    // An output buffer sized up front: without one the inflater grows its own, about ten times slower.
    out = unzlibSync(bytes, { out: new Uint8Array(Math.max(1024, bytes.length * 4)) });
  } catch (error) {
    throw new Error(`zlib stream broken: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (out.length > MAX_INFLATED) throw new Error(`zlib data inflates to ${out.length} bytes, over the ${MAX_INFLATED}-byte limit of a code`);
  const trailer = bytes.subarray(bytes.length - 4);
  const expected = ((trailer[0]! << 24) | (trailer[1]! << 16) | (trailer[2]! << 8) | trailer[3]!) >>> 0;
  if (adler32(out) !== expected) throw new Error('zlib checksum (Adler-32) does not match the data');
  return out;
}

/** Adler-32 checksum (RFC 1950 §9). */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(bytes.length, i + 3800);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
