import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { purposes } from '@epigrid/core';
import type { Services } from '../services.js';

/** Demo logins shown on the login page when the server runs the demo city. */
export interface DemoInfo {
  readonly password: string;
  readonly logins: ReadonlyArray<{ username: string; role: string; regionNameZh: string; regionNameEn: string }>;
}

const demoSchema = z.union([
  z.object({
    demo: z.literal(true),
    password: z.string(),
    logins: z.array(z.object({ username: z.string(), role: z.string(), regionNameZh: z.string(), regionNameEn: z.string() })),
  }),
  z.object({ demo: z.literal(false) }),
]);

/**
 * Health, purposes and demo information.
 * @param app - Fastify instance
 * @param options - services and the demo information (null outside demo mode)
 */
export const metaRoutes: FastifyPluginAsyncZod<{ services: Services; demo: DemoInfo | null }> = async (app, { services, demo }) => {
  app.get(
    '/api/health',
    { schema: { tags: ['meta'], summary: 'Liveness and database reachability', response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } } },
    async () => {
      await services.db.query('SELECT 1');
      return { status: 'ok' as const, database: services.db.engine };
    },
  );
  app.get(
    '/api/purposes',
    { schema: { tags: ['meta'], summary: 'Purposes that may be declared when reading personal data', response: { 200: z.object({ items: z.array(z.string()) }) } } },
    async () => ({ items: [...purposes] }),
  );
  app.get(
    '/api/demo',
    { schema: { tags: ['meta'], summary: 'Demo logins, when this server runs the demo city', response: { 200: demoSchema } } },
    async () => (demo === null ? { demo: false as const } : { demo: true as const, password: demo.password, logins: [...demo.logins] }),
  );
};
