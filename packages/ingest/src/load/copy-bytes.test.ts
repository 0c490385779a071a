import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CopyBytes } from './copy-bytes.js';
import { copyField } from './copy-text.js';

const value = fc.oneof(
  fc.string({ unit: 'binary' }), // any code point, astral ones as surrogate pairs
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), // lone surrogates too
  fc.constantFrom('\\', '\t', '\n', '\r', '张伟', '😀', '\ud800', '\udc00x'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

describe('COPY bytes', () => {
  it('writes the bytes of the COPY text of the same fields, lines and all', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), fc.integer({ min: 1, max: 64 }), (rows, capacity) => {
        const bytes = new CopyBytes(capacity);
        for (const row of rows) {
          row.forEach((field, i) => {
            if (i > 0) bytes.byte(0x09);
            bytes.field(field);
          });
          bytes.byte(0x0a);
        }
        const text = rows.map((row) => `${row.map(copyField).join('\t')}\n`).join('');
        assert.deepEqual(Buffer.from(bytes.bytes()), Buffer.from(text));
      }),
    );
  });

  it('starts over empty after clear, keeping its room', () => {
    const bytes = new CopyBytes(4);
    bytes.text('a\tb\\c');
    assert.equal(Buffer.from(bytes.bytes()).toString(), 'a\\tb\\\\c');
    bytes.clear();
    assert.equal(bytes.length, 0);
    bytes.field(null);
    assert.equal(Buffer.from(bytes.bytes()).toString(), '\\N');
  });
});
