import { readFileSync } from 'node:fs';
import { readInstanceKey, storeInstanceKeyOnce } from '@epigrid/store';
import type { Services } from '../services.js';
import { generateInstanceKey, instanceKeyFromPem, type InstanceKey } from './message-signature.js';

const cache = new WeakMap<object, Promise<InstanceKey>>();

async function loadOrCreate(services: Services): Promise<InstanceKey> {
  const file = services.config.federation.keyFile;
  if (file !== undefined) return instanceKeyFromPem(readFileSync(file, 'utf8'));
  const stored = await readInstanceKey(services.db);
  if (stored !== null) return instanceKeyFromPem(services.vault.decrypt(stored.privateSealed));
  const fresh = generateInstanceKey();
  const kept = await storeInstanceKeyOnce(
    services.db,
    { keyId: fresh.keyId, publicJwk: { ...fresh.publicJwk }, privateSealed: services.vault.encrypt(fresh.privatePem) },
    services.now(),
  );
  return instanceKeyFromPem(services.vault.decrypt(kept.privateSealed));
}

/**
 * This instance's signing key: from EPIGRID_FEDERATION_KEY_FILE, else the one stored (sealed with
 * the identifier vault) in the database, generated on first use. Loaded once per services.
 * @param services - application services
 */
export function instanceKeyOf(services: Services): Promise<InstanceKey> {
  let key = cache.get(services);
  if (key === undefined) {
    key = loadOrCreate(services);
    cache.set(services, key);
    key.catch(() => cache.delete(services));
  }
  return key;
}
