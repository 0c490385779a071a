import { readFileSync } from 'node:fs';
import { createServices, instanceKeyOf, recordAudit } from '@epigrid/server';
import { findRegionByCode, listPeers, savePeer } from '@epigrid/store';
import { openConfigured } from '../open-configured.js';

/** Options of `epigrid peers add`. */
export interface PeersAddOptions {
  /** Base URL of the peer's EpiGrid (it receives `POST /api/federation/messages`). */
  readonly url: string;
  /** File holding the peer's public key: the JSON its `GET /api/federation/key` returns, or the bare JWK. */
  readonly keyFile: string;
  /** Code of the region node of this instance standing for the peer's territory; omitted = the peer only sends. */
  readonly region?: string;
}

/** `epigrid peers key`: prints this instance's id and public key (JSON) for the peers to configure. */
export async function peersKey(): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const key = await instanceKeyOf(createServices(opened.db, opened.config, opened.secret));
    console.log(JSON.stringify({ instanceId: opened.config.federation.instanceId, keyId: key.keyId, publicJwk: key.publicJwk }, null, 2));
  } finally {
    await opened.db.close();
  }
}

/**
 * `epigrid peers add <id>`: adds (or updates) a peer instance. Audited.
 * @param peerId - the peer's instance id
 * @param options - URL, key file, territory
 */
export async function peersAdd(peerId: string, options: PeersAddOptions): Promise<void> {
  const parsed = JSON.parse(readFileSync(options.keyFile, 'utf8')) as { publicJwk?: Record<string, string> } & Record<string, string>;
  const jwk = parsed.publicJwk ?? parsed;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw new Error(`${options.keyFile}: not an EC P-256 public key (expected kty EC, crv P-256, x, y)`);
  }
  const url = new URL(options.url);
  const opened = await openConfigured(process.env);
  try {
    const region = options.region === undefined ? null : await findRegionByCode(opened.db, options.region);
    if (options.region !== undefined && region === null) throw new Error(`--region ${options.region}: no region has this code`);
    await savePeer(opened.db, { peerId, baseUrl: url.origin + url.pathname.replace(/\/+$/, ''), publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, regionPath: region?.path ?? null });
    await recordAudit(createServices(opened.db, opened.config, opened.secret), {
      actor: null,
      actorName: 'cli',
      action: 'federation.peer.save',
      purpose: 'system',
      subject: `peer:${peerId}`,
      outcome: 'allowed',
      details: { url: options.url, region: options.region ?? null },
    });
    console.log(`peer ${peerId} saved${region === null ? '' : `; tasks homed under ${options.region} are referred to it`}`);
  } finally {
    await opened.db.close();
  }
}

/** `epigrid peers list`: the configured peers. */
export async function peersList(): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    for (const peer of await listPeers(opened.db)) console.log(`${peer.peerId}\t${peer.baseUrl}\t${peer.regionPath ?? '(sends only)'}`);
  } finally {
    await opened.db.close();
  }
}
