import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { purposes } from '@epigrid/core';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate, declaredPurpose } from '../http/request-context.js';
import { caseSchema, presentCase, presentContact, tracedContactSchema } from '../presenters/case-presenter.js';
import type { Services } from '../services.js';
import { addInvestigatorContactForActor } from '../use-cases/add-investigator-contact.js';
import { analyseChains } from '../use-cases/analyse-chains.js';
import { listCasesForActor, readCase } from '../use-cases/read-case.js';
import { traceCaseForActor } from '../use-cases/trace-case.js';

const purposeHeader = z.object({ 'x-purpose': z.enum(purposes).describe('declared purpose of this read of personal data') });
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const caseParams = z.object({ id: z.coerce.number().int().positive() });
const isoTime = z.iso.datetime({ offset: true }).describe('ISO 8601 time with an offset, e.g. 2026-03-08T10:00:00+08:00');
const investigatorContactBody = z.object({
  personId: z.number().int().positive(),
  reference: z.string().trim().min(1).max(200).describe('reference of the investigation record, e.g. the interview note id'),
  from: isoTime,
  to: isoTime,
  note: z.string().trim().max(2000).optional(),
});

/**
 * Cases, their traced contacts with evidence, re-tracing, and transmission chains.
 * @param app - Fastify instance
 * @param options - services
 */
export const caseRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Cases in your jurisdiction, newest first',
        headers: purposeHeader.partial(),
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ items: z.array(caseSchema) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return { items: (await listCasesForActor(services, actor, declaredPurpose(request), request.query)).map(presentCase) };
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'A case and its traced contacts, each with the evidence that made it a contact',
        headers: purposeHeader.partial(),
        params: caseParams,
        response: { 200: z.object({ case: caseSchema, contacts: z.array(tracedContactSchema) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const result = await readCase(services, actor, declaredPurpose(request), request.params.id);
      return { case: presentCase(result.case), contacts: result.contacts.map(presentContact) };
    },
  );

  app.post(
    '/api/cases/:id/trace',
    {
      schema: {
        tags: ['cases'],
        summary: 'Trace (again) a case with the active protocol profile',
        params: caseParams,
        response: {
          200: z.object({ profileId: z.string(), close: z.number(), subClose: z.number(), companions: z.number() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const trace = await traceCaseForActor(services, actor, request.params.id);
      return {
        profileId: trace.profileId,
        close: trace.closeContacts.length,
        subClose: trace.subCloseContacts.length,
        companions: trace.companions.length,
      };
    },
  );

  app.post(
    '/api/cases/:id/contacts',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add a close contact named by a field investigator after an interview, and trace the case again',
        params: caseParams,
        body: investigatorContactBody,
        response: {
          201: z.object({ added: z.boolean(), profileId: z.string(), close: z.number(), subClose: z.number(), companions: z.number() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { actor } = await authenticate(services, request);
      const body = request.body;
      const result = await addInvestigatorContactForActor(services, actor, request.params.id, {
        personId: body.personId,
        reference: body.reference,
        from: new Date(body.from),
        to: new Date(body.to),
        note: body.note === undefined || body.note === '' ? null : body.note,
      });
      void reply.code(201);
      return {
        added: result.added,
        profileId: result.trace.profileId,
        close: result.trace.closeContacts.length,
        subClose: result.trace.subCloseContacts.length,
        companions: result.trace.companions.length,
      };
    },
  );

  app.get(
    '/api/chains',
    {
      schema: {
        tags: ['cases'],
        summary: 'Transmission chains (traced links, ranked candidate infectors) and clusters',
        headers: purposeHeader.partial(),
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const report = await analyseChains(services, actor, declaredPurpose(request));
      return {
        cases: report.cases,
        links: report.links,
        rankings: report.analysis.rankings,
        reproduction: Object.fromEntries(report.analysis.reproduction),
        clusters: report.clusters.map((c) => ({ ...c, growth: Number.isFinite(c.growth) ? c.growth : null })),
      };
    },
  );
};
