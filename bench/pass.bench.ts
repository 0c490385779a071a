// Issuing and verifying signed passes (ES256 COSE_Sign1 over CWT, zlib, base45) on one core,
// side by side with raw ECDSA P-256 sign/verify of the same Sig_structure bytes (WebCrypto, and
// node:crypto for reference). Each pipeline runs with the default WebCrypto engine (browsers) and
// with the optional node:crypto engine of @epigrid/pass/node (servers, the CLI). Operations run one after the other (one in flight), and each rate is
// given per CPU-second of the whole process (all threads), so that a loaded machine does not
// understate what one core does; the wall-clock rate is printed beside it.
// Usage: node --import tsx bench/pass.bench.ts [operations]
import { KeyObject, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import {
  TrustStore,
  buildTrustList,
  encodePassClaims,
  generateSigningKey,
  sigStructure,
  signPass,
  verifyText,
} from '@epigrid/pass';
import { nodeCryptoEngine } from '@epigrid/pass/node';
import type { Figure } from './bench-kit.js';
import { report } from './bench-kit.js';

const n = Number(process.argv[2] ?? 20_000);
const key = await generateSigningKey('310000');
const trust = await TrustStore.fromTrustLists([buildTrustList('310000', [{ key }])]);
const issuedAt = new Date('2026-11-28T00:00:00Z');
const expiresAt = new Date('2026-11-29T00:00:00Z');
const at = new Date('2026-11-28T12:00:00Z');
const claims = (i: number): Parameters<typeof signPass>[0] => ({ subject: `psn-${i.toString(36).padStart(8, '0')}`, colour: 'green', reasonCode: 'R-NO-EXPOSURE', issuedAt, expiresAt });

interface Rate {
  perCpuSecond: number;
  perWallSecond: number;
}

/** Runs `op` n times one after the other and returns its rates. */
async function rate(op: (i: number) => unknown): Promise<Rate> {
  for (let i = 0; i < Math.min(500, n); i++) await op(i); // warm up
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < n; i++) await op(i);
  const wall = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  return { perCpuSecond: n / ((used.user + used.system) / 1e6), perWallSecond: n / wall };
}

const texts: string[] = [];
for (let i = 0; i < 1000; i++) texts.push(await signPass(claims(i), key));
const sample = encodePassClaims({ ...claims(0), passId: 'bench', jurisdiction: '310000' });
const data = new Uint8Array(sigStructure(key.protectedHeader, sample));
const webSig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, data));
const publicKey = trust.find(key.kidText)!.publicKey;
const nodePrivate = KeyObject.from(key.privateKey);
const nodePublic = KeyObject.from(publicKey);

const issue = await rate((i) => signPass(claims(i), key));
const verify = await rate(async (i) => {
  const r = await verifyText(texts[i % texts.length]!, { trust, at });
  if (!r.valid) throw new Error('a pass failed verification');
});
const issueNode = await rate((i) => signPass(claims(i), key, nodeCryptoEngine));
const verifyNode = await rate(async (i) => {
  const r = await verifyText(texts[i % texts.length]!, { trust, at, engine: nodeCryptoEngine });
  if (!r.valid) throw new Error('a pass failed verification');
});
const rawSign = await rate(() => crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, data));
const rawVerify = await rate(() => crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, webSig, data));
const nodeSignRate = await rate(() => nodeSign('sha256', data, { key: nodePrivate, dsaEncoding: 'ieee-p1363' }));
const nodeVerifyRate = await rate(() => nodeVerify('sha256', data, { key: nodePublic, dsaEncoding: 'ieee-p1363' }, webSig));

const wall = (r: Rate): string => `${Math.round(r.perWallSecond)}/s wall-clock`;
const figures: Figure[] = [
  { name: 'issue pass (signPass, WebCrypto), per CPU-second', value: issue.perCpuSecond, unit: 'ops/s', target: 5000, atLeast: true, note: `${wall(issue)}; ${texts[0]!.length} chars` },
  { name: 'verify pass (verifyText, WebCrypto), per CPU-second', value: verify.perCpuSecond, unit: 'ops/s', target: 10000, atLeast: true, note: wall(verify) },
  { name: 'issue pass (signPass, node:crypto engine), per CPU-second', value: issueNode.perCpuSecond, unit: 'ops/s', target: 5000, atLeast: true, note: `${wall(issueNode)}; @epigrid/pass/node` },
  { name: 'verify pass (verifyText, node:crypto engine), per CPU-second', value: verifyNode.perCpuSecond, unit: 'ops/s', target: 10000, atLeast: true, note: `${wall(verifyNode)}; @epigrid/pass/node` },
  { name: 'reference: raw WebCrypto ECDSA P-256 sign', value: rawSign.perCpuSecond, unit: 'ops/s', note: wall(rawSign) },
  { name: 'reference: raw WebCrypto ECDSA P-256 verify', value: rawVerify.perCpuSecond, unit: 'ops/s', note: wall(rawVerify) },
  { name: 'reference: node:crypto ECDSA P-256 sign', value: nodeSignRate.perCpuSecond, unit: 'ops/s', note: wall(nodeSignRate) },
  { name: 'reference: node:crypto ECDSA P-256 verify', value: nodeVerifyRate.perCpuSecond, unit: 'ops/s', note: wall(nodeVerifyRate) },
];
process.exitCode = report('pass', figures) ? 0 : 1;
