import { existsSync } from 'node:fs';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { errorReply } from './http/error-reply.js';
import { authRoutes } from './routes/auth-routes.js';
import { caseRoutes } from './routes/case-routes.js';
import { demoRunRoutes, type DemoRun } from './routes/demo-run-routes.js';
import { codeReviewRoutes } from './routes/code-review-routes.js';
import { identityReviewRoutes } from './routes/identity-review-routes.js';
import { facilityRoutes } from './routes/facility-routes.js';
import { federationRoutes } from './routes/federation-routes.js';
import { importBatchRoutes } from './routes/import-batch-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { judgmentRoutes } from './routes/judgment-routes.js';
import { metaRoutes, type DemoInfo } from './routes/meta-routes.js';
import { passRoutes } from './routes/pass-routes.js';
import { personRoutes } from './routes/person-routes.js';
import { placeCodeRoutes } from './routes/place-code-routes.js';
import { quarantineOrderRoutes } from './routes/quarantine-order-routes.js';
import { regionRoutes } from './routes/region-routes.js';
import { riskAreaImportRoutes } from './routes/risk-area-import-routes.js';
import { taskExportRoutes } from './routes/task-export-routes.js';
import { taskNoticeRoutes } from './routes/task-notice-routes.js';
import { taskRoutes } from './routes/task-routes.js';
import { taskStreamRoute } from './routes/task-stream-route.js';
import type { Services } from './services.js';

/** Options of {@link buildApp}. */
export interface AppOptions {
  readonly services: Services;
  /** Demo logins to show on the login page; null outside demo mode. */
  readonly demo: DemoInfo | null;
  /** The demo outbreak running in this process, if any. */
  readonly demoRun?: DemoRun | null;
  /** Directory of the built web app, served at `/`; omitted or missing = API only. */
  readonly webDir?: string | undefined;
}

/**
 * Builds the HTTP application: API routes, OpenAPI document and UI at `/docs`, the web app.
 * @param options - services, demo information and web directory
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  const app = Fastify({ logger: { level: services.config.logLevel }, trustProxy: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorReply);

  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'EpiGrid API', version: '0.1.0', description: 'Epidemic prevention and control: grid-based closed loop.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  await app.register(metaRoutes, { services, demo: options.demo });
  await app.register(authRoutes, { services });
  await app.register(regionRoutes, { services });
  await app.register(personRoutes, { services });
  await app.register(caseRoutes, { services });
  await app.register(demoRunRoutes, { services, run: options.demoRun ?? null });
  await app.register(importRoutes, { services });
  await app.register(importBatchRoutes, { services });
  await app.register(judgmentRoutes, { services });
  await app.register(riskAreaImportRoutes, { services });
  await app.register(codeReviewRoutes, { services });
  await app.register(passRoutes, { services });
  await app.register(placeCodeRoutes, { services });
  await app.register(taskRoutes, { services });
  await app.register(taskStreamRoute, { services });
  await app.register(identityReviewRoutes, { services });
  await app.register(quarantineOrderRoutes, { services });
  await app.register(taskExportRoutes, { services });
  await app.register(taskNoticeRoutes, { services });
  await app.register(facilityRoutes, { services });
  await app.register(federationRoutes, { services });

  if (options.webDir !== undefined && existsSync(options.webDir)) {
    await app.register(fastifyStatic, { root: options.webDir, wildcard: true });
    app.setNotFoundHandler((request, reply) => {
      // Client-side routes get the app shell; a missing file (has an extension) or API path is a real 404.
      const path = request.url.split('?')[0] ?? '';
      if (request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)) return reply.sendFile('index.html');
      return reply.status(404).send({ error: { code: 'not_found', message: 'Not found', details: { url: request.url } } });
    });
  }
  return app;
}
