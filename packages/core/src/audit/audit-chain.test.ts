import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { chainAuditEntry, verifyAuditChain } from './audit-chain.js';
import type { AuditEntry, AuditEvent } from './audit-entry.js';

const hasher = (text: string): string => createHmac('sha256', 'test-key').update(text).digest('hex');

function event(i: number): AuditEvent {
  return {
    actorId: i,
    actorName: `user${i}`,
    actorRole: 'epidemiologist',
    action: 'person.read',
    purpose: 'case_investigation',
    subject: `person:${i}`,
    outcome: 'allowed',
    details: { n: i },
  };
}

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    entries.push(chainAuditEntry(event(i), entries.at(-1) ?? null, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), hasher));
  }
  return entries;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    const result = verifyAuditChain(chain(10), hasher);
    assert.equal(result.ok, true);
    assert.equal(result.checked, 10);
    assert.equal(result.headSeq, 10);
  });

  it('detects an edited entry', () => {
    const entries = chain(10);
    entries[4] = { ...entries[4]!, purpose: 'supervision' };
    const result = verifyAuditChain(entries, hasher);
    assert.equal(result.ok, false);
    assert.deepEqual(result.breaks.map((b) => [b.seq, b.kind]), [[5, 'hash_mismatch']]);
  });

  it('detects a deleted entry', () => {
    const entries = chain(10);
    entries.splice(3, 1);
    const kinds = verifyAuditChain(entries, hasher).breaks.map((b) => b.kind);
    assert.deepEqual(kinds, ['gap', 'prev_hash_mismatch']);
  });

  it('detects two entries swapped', () => {
    const entries = chain(10);
    [entries[2], entries[3]] = [entries[3]!, entries[2]!];
    assert.equal(verifyAuditChain(entries, hasher).ok, false);
  });

  it('detects a chain rewritten without the key', () => {
    const forged = chain(3).map((e) => ({ ...e, hash: createHmac('sha256', 'other-key').update('x').digest('hex') }));
    assert.equal(verifyAuditChain(forged, hasher).ok, false);
  });

  it('property: changing any field of any entry breaks verification', () => {
    const fields = ['actorName', 'action', 'purpose', 'subject', 'outcome', 'at'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 8 }), (index, field, suffix) => {
        const entries = chain(8);
        entries[index] = { ...entries[index]!, [field]: `${String(entries[index]![field])}${suffix}` };
        assert.equal(verifyAuditChain(entries, hasher).ok, false);
      }),
    );
  });
});
