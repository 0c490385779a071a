import type { TrustDocuments } from '../passes/pass-service.js';
import type { Services } from '../services.js';

/**
 * The trust documents this instance publishes for a jurisdiction — public keys (current, retired
 * until their passes expire, revoked) and revocations — for peers and offline verifiers. Public: they
 * hold no personal data.
 * @param services - application services
 * @param jurisdiction - root region code; omitted = the instance's only jurisdiction
 */
export async function publishTrustList(services: Services, jurisdiction?: string): Promise<TrustDocuments> {
  return services.passes.trustDocuments(await services.passes.publishingJurisdiction(jurisdiction));
}
