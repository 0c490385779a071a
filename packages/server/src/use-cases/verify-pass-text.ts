import { verifyText, type VerificationReport } from '@epigrid/pass';
import { nodeCryptoEngine } from '@epigrid/pass/node';
import type { Services } from '../services.js';

/**
 * Verifies a pass or place code (or an EU DCC whose signer is trusted) with this instance's trust
 * store: its own keys and every imported peer's, and their revocations. Public: a verifier needs no
 * account, and no personal data is read (the subject is pseudonymous).
 * @param services - application services
 * @param text - the QR content, e.g. `EGP1:…`
 */
export async function verifyPassText(services: Services, text: string): Promise<VerificationReport> {
  const { trust, revocations } = await services.passes.verifier();
  return verifyText(text, { trust, revocations, at: services.now(), engine: nodeCryptoEngine });
}
