// RFC 9285 base45. Strict on decode: unknown characters, a dangling single character and
// groups whose value overflows are errors, because a lenient decoder would turn a damaged code
// into garbage bytes instead of a clear failure.

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const valueOf = new Int8Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) valueOf[alphabet.charCodeAt(i)] = i;

/** Encodes bytes as RFC 9285 base45 text. */
export function encodeBase45(bytes: Uint8Array): string {
  const chars: string[] = [];
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const n = bytes[i]! * 256 + bytes[i + 1]!;
    chars.push(alphabet[n % 45]!, alphabet[Math.floor(n / 45) % 45]!, alphabet[Math.floor(n / 2025)]!);
  }
  if (i < bytes.length) {
    const n = bytes[i]!;
    chars.push(alphabet[n % 45]!, alphabet[Math.floor(n / 45)]!);
  }
  return chars.join('');
}

/**
 * Decodes RFC 9285 base45 text.
 * @throws Error naming the position and reason when the text is not valid base45
 */
export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Error(`base45 length ${text.length} leaves a single character at the end`);
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  const digit = (at: number): number => {
    const code = text.charCodeAt(at);
    const v = code < 128 ? valueOf[code]! : -1;
    if (v < 0) throw new Error(`base45 character ${JSON.stringify(text[at])} at position ${at} is not in the alphabet`);
    return v;
  };
  let o = 0;
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const n = digit(i) + digit(i + 1) * 45 + digit(i + 2) * 2025;
    if (n > 0xffff) throw new Error(`base45 group at position ${i} has value ${n}, over 65535`);
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (i < text.length) {
    const n = digit(i) + digit(i + 1) * 45;
    if (n > 0xff) throw new Error(`base45 final pair at position ${i} has value ${n}, over 255`);
    out[o++] = n;
  }
  return out;
}
