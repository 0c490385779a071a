import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { copyField, parseCopyField } from './copy-text.js';

describe('COPY text fields', () => {
  it('round-trips any string, with no raw tab or newline left to split the row', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const field = copyField(text);
        assert.ok(!/[\t\n\r]/.test(field));
        assert.equal(parseCopyField(field), text);
      }),
    );
  });

  it('writes null, booleans and numbers the way COPY reads them', () => {
    assert.equal(copyField(null), '\\N');
    assert.equal(copyField(undefined), '\\N');
    assert.equal(copyField(true), 't');
    assert.equal(copyField(false), 'f');
    assert.equal(copyField(42), '42');
    assert.equal(copyField('\\N'), '\\\\N', 'the text \\N is not null');
  });
});
