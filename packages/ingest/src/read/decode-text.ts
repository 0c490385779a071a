import chardet from 'chardet';
import iconv from 'iconv-lite';
import { unreadable } from './unreadable.js';

/** The text encodings EpiGrid reads. */
export type TextEncoding = 'utf-8' | 'gb18030';

const SAMPLE_BYTES = 64 * 1024;

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function isUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides the encoding from the first bytes: a UTF-8 BOM or valid UTF-8 means UTF-8; otherwise the
 * bytes must decode as GB18030 without a replacement character.
 * @param sample - the first bytes of the file
 * @throws DomainError unreadable_file naming the first line that is neither
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  const head = sample.subarray(0, SAMPLE_BYTES);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (isUtf8(head)) return 'utf-8';
  // Cut the sample at its last newline so a character split at the end is not taken for garbage.
  const lastNewline = head.lastIndexOf(0x0a);
  const whole = lastNewline > 0 && head.length === SAMPLE_BYTES ? head.subarray(0, lastNewline + 1) : head;
  const text = iconv.decode(Buffer.from(whole), 'gb18030');
  const bad = text.indexOf('\ufffd');
  if (bad === -1) return 'gb18030';
  const guess = chardet.detect(head) ?? 'unknown';
  throw unreadable(countLines(text.slice(0, bad)), `the text is neither UTF-8 nor GB18030 (it looks like ${guess}); save the file as UTF-8`);
}

/**
 * Decodes a byte stream to text chunks, detecting the encoding from the first chunk. Invalid UTF-8
 * later in the file stops the read with an error naming the line.
 * @param bytes - the file's bytes
 */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let encoding: TextEncoding | null = null;
  let utf8: TextDecoder | null = null;
  let gb: ReturnType<typeof iconv.getDecoder> | null = null;
  let lines = 1;
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  const decode = (chunk: Uint8Array, last: boolean): string => {
    if (utf8 !== null) {
      try {
        return utf8.decode(chunk, { stream: !last });
      } catch {
        const text = new TextDecoder('utf-8').decode(chunk);
        throw unreadable(lines + countLines(text.slice(0, Math.max(0, text.indexOf('\ufffd')))) - 1, 'the text has bytes that are not valid UTF-8');
      }
    }
    const text = gb!.write(Buffer.from(chunk));
    return last ? text + (gb!.end() ?? '') : text;
  };
  const start = (sample: Uint8Array): void => {
    encoding = detectEncoding(sample);
    if (encoding === 'utf-8') utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    else gb = iconv.getDecoder('gb18030');
  };
  const emit = (text: string): string => {
    lines += countLines(text) - 1;
    return text;
  };
  for await (const chunk of bytes) {
    if (encoding === null) {
      // Gather enough bytes to decide on the encoding.
      pending.push(chunk);
      pendingSize += chunk.length;
      if (pendingSize < SAMPLE_BYTES) continue;
      const sample = Buffer.concat(pending);
      pending = [];
      start(sample);
      yield emit(decode(sample, false));
      continue;
    }
    yield emit(decode(chunk, false));
  }
  if (encoding === null) {
    const sample = Buffer.concat(pending);
    if (sample.length === 0) return;
    start(sample);
    yield emit(decode(sample, true));
    return;
  }
  const tail = decode(new Uint8Array(0), true);
  if (tail !== '') yield tail;
}
