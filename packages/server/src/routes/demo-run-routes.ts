import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, DomainError } from '@epigrid/core';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import type { Services } from '../services.js';
import { recordAudit } from '../use-cases/record-audit.js';

/** The running demo outbreak, as the server sees it (implemented over the simulator by the CLI). */
export interface DemoRun {
  /** Current day, paused or running, totals so far. */
  state(): Record<string, unknown>;
  pause(): void;
  resume(): void;
  /** Simulates one more day now (while paused). */
  step(): Promise<void>;
  /** Back to day 0 with the same seed, and the ingested outbreak data cleared. */
  reset(): Promise<void>;
}

const actions = ['pause', 'resume', 'step', 'reset'] as const;

/**
 * Watching and steering the demo outbreak: any signed-in user sees its state; administrators and
 * the command centre pause, resume, step and reset it.
 * @param app - Fastify instance
 * @param options - services and the demo run (null when none runs)
 */
export const demoRunRoutes: FastifyPluginAsyncZod<{ services: Services; run: DemoRun | null }> = async (app, { services, run }) => {
  const requireRun = (): DemoRun => {
    if (run === null) throw new DomainError('not_found', { reason: 'no demo outbreak runs on this server' });
    return run;
  };
  app.get(
    '/api/demo/run',
    { schema: { tags: ['demo'], summary: 'State of the demo outbreak', response: { 200: z.record(z.string(), z.unknown()), 401: errorBodySchema, 404: errorBodySchema } } },
    async (request) => {
      await authenticate(services, request);
      return requireRun().state();
    },
  );
  app.post(
    '/api/demo/run/:action',
    {
      schema: {
        tags: ['demo'],
        summary: 'Pause, resume, step or reset the demo outbreak',
        params: z.object({ action: z.enum(actions) }),
        response: { 200: z.record(z.string(), z.unknown()), 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      if (!can(actor, 'demo.control')) throw new DomainError('forbidden', { ability: 'demo.control' });
      const demo = requireRun();
      const { action } = request.params;
      if (action === 'pause') demo.pause();
      else if (action === 'resume') demo.resume();
      else if (action === 'step') await demo.step();
      else await demo.reset();
      await recordAudit(services, { actor, action: `demo.${action}`, purpose: 'administration', subject: null, outcome: 'allowed' });
      return demo.state();
    },
  );
};
