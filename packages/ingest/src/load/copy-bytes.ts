const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const BACKSLASH = 0x5c;
const NULL_FIELD = [BACKSLASH, 0x4e]; // \N

/**
 * COPY text (PostgreSQL's text format) written straight into UTF-8 bytes, growing as needed: the
 * same bytes as `Buffer.from` of {@link copyField}'s text, without a string per field or per line.
 * The bytes live outside the JavaScript heap, so a chunk waiting to be written is never copied by
 * the garbage collector.
 */
export class CopyBytes {
  private buffer: Uint8Array;
  private end = 0;

  /** @param capacity - bytes reserved at first */
  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.end;
  }

  /** The bytes written (a view, valid until the next write). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.end);
  }

  /**
   * The bytes in [from, to) (a view, valid until the next write).
   * @param from - first byte
   * @param to - end (exclusive)
   */
  slice(from: number, to: number): Uint8Array {
    return this.buffer.subarray(from, to);
  }

  /**
   * One byte (a tab or a newline between fields and lines).
   * @param byte - the byte
   */
  byte(byte: number): void {
    if (this.end === this.buffer.length) this.grow(1);
    this.buffer[this.end++] = byte;
  }

  /**
   * One field, as {@link copyField} writes it: `\N` for null and undefined, `t`/`f` for booleans,
   * anything else as its text with backslash, tab, newline and carriage return escaped.
   * @param value - the field's value
   */
  field(value: unknown): void {
    if (value === null || value === undefined) {
      this.byte(NULL_FIELD[0]!);
      this.byte(NULL_FIELD[1]!);
    } else if (typeof value === 'boolean') {
      this.byte(value ? 0x74 : 0x66);
    } else {
      this.text(typeof value === 'string' ? value : String(value));
    }
  }

  /**
   * A string field, escaped and encoded as UTF-8 (a lone surrogate becomes U+FFFD, as `Buffer.from` does).
   * @param text - the field's text
   */
  text(text: string): void {
    const n = text.length;
    if (this.end + 3 * n > this.buffer.length) this.grow(3 * n);
    const out = this.buffer;
    let at = this.end;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c === BACKSLASH || c === TAB || c === LF || c === CR) {
          out[at++] = BACKSLASH;
          out[at++] = c === BACKSLASH ? BACKSLASH : c === TAB ? 0x74 : c === LF ? 0x6e : 0x72;
        } else {
          out[at++] = c;
        }
      } else if (c < 0x800) {
        out[at++] = 0xc0 | (c >> 6);
        out[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          out[at++] = 0xf0 | (c >> 18);
          out[at++] = 0x80 | ((c >> 12) & 0x3f);
          out[at++] = 0x80 | ((c >> 6) & 0x3f);
          out[at++] = 0x80 | (c & 0x3f);
        } else {
          out[at++] = 0xef;
          out[at++] = 0xbf;
          out[at++] = 0xbd;
        }
      } else {
        out[at++] = 0xe0 | (c >> 12);
        out[at++] = 0x80 | ((c >> 6) & 0x3f);
        out[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.end = at;
  }

  /** Forgets the bytes written, keeping the room (for reuse). */
  clear(): void {
    this.end = 0;
  }

  private grow(more: number): void {
    let capacity = this.buffer.length * 2;
    while (capacity < this.end + more) capacity *= 2;
    const bigger = new Uint8Array(capacity);
    bigger.set(this.buffer.subarray(0, this.end));
    this.buffer = bigger;
  }
}
