import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { purposes } from '@epigrid/core';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate, declaredPurpose } from '../http/request-context.js';
import { issuedPassSchema, presentIssuedPass, presentVerification, verificationSchema } from '../presenters/pass-presenter.js';
import type { Services } from '../services.js';
import { importTrustList } from '../use-cases/import-trust-list.js';
import { issueOwnPass, issuePersonPass } from '../use-cases/issue-pass.js';
import { publishTrustList } from '../use-cases/publish-trust-list.js';
import { verifyPassText } from '../use-cases/verify-pass-text.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const passText = z.string().min(1).max(8_000).describe('the QR content: EGP1:…, EGV1:… or HC1:…');
const trustDocumentsSchema = z.object({ trustList: z.unknown(), revocations: z.unknown().optional() });

/** Writes a response as JSON without validating it against its schema. */
const plainJson = (): ((data: unknown) => string) => (data) => JSON.stringify(data);

/**
 * Signed passes: the holder's own pass, a person's pass for staff, the public verifier, and the trust
 * lists two instances exchange.
 * @param app - Fastify instance
 * @param options - services
 */
export const passRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/me/pass',
    { schema: { tags: ['passes'], summary: 'Sign my current health-code colour as a pass (QR content)', response: { 200: issuedPassSchema, ...errors } } },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return presentIssuedPass(await issueOwnPass(services, actor));
    },
  );

  app.get(
    '/api/persons/:id/pass',
    {
      schema: {
        tags: ['passes'],
        summary: "Sign a person's current colour as a pass (staff, within jurisdiction)",
        headers: z.object({ 'x-purpose': z.enum(purposes) }).partial(),
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: issuedPassSchema, ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return presentIssuedPass(await issuePersonPass(services, actor, declaredPurpose(request), request.params.id));
    },
  );

  app.get(
    '/api/passes/verify',
    {
      schema: {
        tags: ['passes'],
        summary: 'Verify a pass or place code against this instance’s trust lists (public; each step reported)',
        security: [],
        querystring: z.object({ text: passText }),
        response: { 200: verificationSchema, 400: errorBodySchema },
      },
      // The hot public endpoint: the report is built by a whitelisting presenter already, so the
      // response is written as is instead of being validated again (the schema still documents it).
      serializerCompiler: plainJson,
    },
    async (request) => presentVerification(await verifyPassText(services, request.query.text)),
  );

  app.post(
    '/api/passes/verify',
    {
      schema: {
        tags: ['passes'],
        summary: 'Verify a pass or place code (the text in the body)',
        security: [],
        body: z.object({ text: passText }),
        response: { 200: verificationSchema, 400: errorBodySchema },
      },
      // The hot public endpoint: the report is built by a whitelisting presenter already, so the
      // response is written as is instead of being validated again (the schema still documents it).
      serializerCompiler: plainJson,
    },
    async (request) => presentVerification(await verifyPassText(services, request.body.text)),
  );

  app.get(
    '/api/trust-list',
    {
      schema: {
        tags: ['passes'],
        summary: 'This instance’s public signing keys and revocations, for peers and offline verifiers',
        security: [],
        querystring: z.object({ jurisdiction: z.string().min(1).max(64).optional() }),
        response: { 200: trustDocumentsSchema, ...errors },
      },
    },
    async (request) => JSON.parse(JSON.stringify(await publishTrustList(services, request.query.jurisdiction))) as z.infer<typeof trustDocumentsSchema>,
  );

  app.get(
    '/api/trust-lists',
    {
      schema: {
        tags: ['passes'],
        summary: 'Every trust list this instance verifies with (its own and imported peers’), for offline verifiers',
        security: [],
        response: { 200: z.object({ items: z.array(trustDocumentsSchema) }) },
      },
    },
    async () => ({ items: JSON.parse(JSON.stringify(await services.passes.allTrustDocuments())) as Array<z.infer<typeof trustDocumentsSchema>> }),
  );

  app.post(
    '/api/trust-lists',
    {
      schema: {
        tags: ['passes'],
        summary: 'Import a peer jurisdiction’s trust list (administrator): its passes verify here from now on',
        body: trustDocumentsSchema,
        response: { 200: z.object({ jurisdiction: z.string(), keys: z.number(), revokedPasses: z.number(), revokedSubjects: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return importTrustList(services, actor, request.body);
    },
  );
};
