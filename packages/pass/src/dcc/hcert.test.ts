import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCbor } from '../cbor.js';
import { dgcSchemaProblems } from './dgc-shape.js';
import { decodeHealthCertificate, dgcType, keyUsageAllows } from './hcert.js';

const vaccination = {
  ver: '1.3.0',
  nam: { fn: 'Musterfrau', fnt: 'MUSTERFRAU', gn: 'Erika', gnt: 'ERIKA' },
  dob: '1964-08-12',
  v: [{ tg: '840539006', vp: '1119349007', mp: 'EU/1/20/1528', ma: 'ORG-100030215', dn: 2, sd: 2, dt: '2021-05-29', co: 'AT', is: 'Ministry', ci: 'URN:UVCI:01:AT:1' }],
};

describe('DCC hcert', () => {
  it('decodes the hcert claim with issuer and times', () => {
    const payload = encodeCbor(new Map<number, unknown>([[1, 'AT'], [4, 1700000000], [6, 1600000000], [-260, new Map([[1, vaccination]])]]));
    const hc = decodeHealthCertificate(payload);
    assert.equal(hc.issuer, 'AT');
    assert.equal(hc.expiresAt?.toISOString(), '2023-11-14T22:13:20.000Z');
    assert.deepEqual(hc.dgc, vaccination);
    assert.throws(() => decodeHealthCertificate(encodeCbor(new Map([[1, 'AT']]))), /hcert claim -260 is missing/);
  });

  it('applies key usage OIDs: none means any type, otherwise the type must be listed', () => {
    assert.equal(dgcType(vaccination), 'vaccination');
    assert.equal(keyUsageAllows([], 'test'), true);
    assert.equal(keyUsageAllows(['1.3.6.1.5.5.7.3.4'], 'recovery'), true);
    assert.equal(keyUsageAllows(['1.3.6.1.4.1.1847.2021.1.1'], 'test'), true);
    assert.equal(keyUsageAllows(['1.3.6.1.4.1.0.1847.2021.1.2'], 'vaccination'), true);
    assert.equal(keyUsageAllows(['1.3.6.1.4.1.1847.2021.1.1'], 'vaccination'), false);
  });

  it('finds what breaks the DGC structure, naming the field', () => {
    assert.deepEqual(dgcSchemaProblems(vaccination), []);
    assert.ok(dgcSchemaProblems({ ...vaccination, t: vaccination.v }).includes('exactly one of v, t, r is required, found 2'));
    assert.deepEqual(dgcSchemaProblems({ ...vaccination, v: [vaccination.v[0], vaccination.v[0]] }), ['v: must hold exactly one entry']);
    assert.deepEqual(dgcSchemaProblems({ ...vaccination, nam: { fnt: 'mustermann' } }), ['nam.fnt: missing or not an ICAO 9303 transliteration']);
    const { dt: _dt, ...noDate } = vaccination.v[0]!;
    assert.deepEqual(dgcSchemaProblems({ ...vaccination, v: [noDate] }), ['v[0].dt: missing']);
  });
});
