import { deliverDueMessages } from '../federation/deliver-messages.js';
import type { Services } from '../services.js';
import { answerReferrals } from '../use-cases/answer-referrals.js';
import { referTasks } from '../use-cases/refer-tasks.js';

/**
 * One round of cross-region exchange: refer tasks homed in a peer's territory, answer referrals
 * whose local task is closed, then deliver what the outbox holds (failed deliveries wait their backoff).
 * @param services - application services
 */
export async function exchangeReferrals(services: Services): Promise<{ referred: number; answered: number; delivered: number; failed: number }> {
  const referred = await referTasks(services);
  const answered = await answerReferrals(services);
  return { referred, answered, ...(await deliverDueMessages(services)) };
}
