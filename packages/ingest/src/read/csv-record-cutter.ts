import { unreadable } from './unreadable.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The longest run of text without a record end outside quotes (csv-parse's former `max_record_size`). */
export const MAX_RECORD_CHARS = 1_000_000;

/**
 * Line breaks in text[0, end): CRLF, a lone CR and a lone LF count once each, as the parser ends rows
 * (counting LF alone would lose a line per lone CR and shift every later block's line numbers).
 */
function linesIn(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== LF) n++;
  return n;
}

/**
 * Cuts streamed CSV text into blocks of whole records (RFC 4180): a block ends with a line break
 * outside quoted fields, so a parser of whole texts can read each block on its own. Only the quote
 * characters are looked at (one `indexOf` per quote), so text without quotes costs next to nothing.
 * Tracks line numbers for its errors and for the blocks it returns.
 */
export class CsvRecordCutter {
  private text = '';
  /** text[0, scanned) has a known quoting state. */
  private scanned = 0;
  private quoted = false;
  private quoteAt = 0;
  /** text[0, cut) ends with a record end outside quotes. */
  private cut = 0;
  /** Line number of text[0]. */
  private line = 1;

  /**
   * Adds decoded text.
   * @param chunk - the next piece of the file's text
   */
  push(chunk: string): void {
    this.text = this.text.length === 0 ? chunk : this.text + chunk;
  }

  /**
   * Takes the complete records read so far (or everything, at the end).
   * @param end - true when no more text follows
   * @returns the block and the line its first character is on, or null when no record is complete
   * @throws DomainError unreadable_file for a quoted field never closed, a character after a closing
   *   quote, or a record over {@link MAX_RECORD_CHARS}
   */
  take(end: boolean): { text: string; firstLine: number } | null {
    this.scan(end);
    if (end) {
      if (this.quoted) throw unreadable(this.lineAt(this.quoteAt), 'the CSV cannot be read: a quoted field is not closed');
      this.cut = this.text.length;
    } else if (this.text.length - this.cut > MAX_RECORD_CHARS) {
      const where = this.quoted ? this.quoteAt : this.cut;
      throw unreadable(this.lineAt(where), this.quoted ? 'the CSV cannot be read: a quoted field is not closed within 1 MB' : 'the CSV cannot be read: a line is longer than 1 MB');
    }
    if (this.cut === 0) return null;
    const block = this.cut === this.text.length ? this.text : this.text.slice(0, this.cut);
    const firstLine = this.line;
    this.line += linesIn(block, block.length);
    this.text = this.cut === this.text.length ? '' : this.text.slice(this.cut);
    this.scanned -= this.cut;
    this.quoteAt -= this.cut;
    this.cut = 0;
    return { text: block, firstLine };
  }

  private lineAt(position: number): number {
    return this.line + linesIn(this.text, position);
  }

  private scan(end: boolean): void {
    const t = this.text;
    const length = t.length;
    let pos = this.scanned;
    while (pos < length) {
      const q = t.indexOf('"', pos);
      if (!this.quoted) {
        const stop = q === -1 ? length : q;
        if (stop > pos) {
          const newline = t.lastIndexOf('\n', stop - 1);
          if (newline >= pos) this.cut = newline + 1;
        }
        if (q === -1) {
          pos = length;
          break;
        }
        // A quote opens a quoted field only at the start of a field; elsewhere it is a plain character.
        const before = q === 0 ? LF : t.charCodeAt(q - 1);
        if (before === COMMA || before === LF || before === CR) {
          this.quoted = true;
          this.quoteAt = q;
        }
        pos = q + 1;
        continue;
      }
      if (q === -1) {
        pos = length;
        break;
      }
      if (q + 1 >= length) {
        if (!end) {
          pos = q; // the next character decides between an escaped quote and the closing one
          break;
        }
        this.quoted = false;
        pos = length;
        break;
      }
      const next = t.charCodeAt(q + 1);
      if (next === QUOTE) {
        pos = q + 2;
        continue;
      }
      if (next !== COMMA && next !== LF && next !== CR) {
        throw unreadable(this.lineAt(q), 'the CSV cannot be read: a closing quote must be followed by a comma or the end of the line');
      }
      this.quoted = false;
      pos = q + 1;
    }
    this.scanned = pos;
  }
}
