import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { text } from '../../../contracts/validation';
import { contactInput, contactList, contactListQuery, contactUpdate, contactView, importInput, importPreview } from '../../../contracts/people';
import { AppError } from '../../lib/errors';
import { requestLanguage } from '../../lib/i18n';
import { requireActor } from '../../plugins/session';
import type { Actor } from '../auth/auth.actor';
import { administeredBy, administeredCompany, createContact, resendInvitation, setContactActive, updateContact } from './people.admin';
import { commitImport, previewImport } from './people.import';
import { listCompanyContacts } from './people.repository';
import { rowIdParam } from '../../../contracts/ids';

const companyParams = z.object({ companyId: rowIdParam });
const personParams = companyParams.extend({ personId: text().max(100) });
const errors = { 400: errorBody, 401: errorBody, 404: errorBody };

/** "Meu espaço": a portal administrator (or a system administrator) runs the company's contacts. */
export async function peopleRoutes(app: FastifyInstance) {
  const ctx = app.ctx;
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const contact = async (actor: Actor, companyId: number, personId: string) => {
    // Read back through the same list query the page uses.
    const { contacts } = await listCompanyContacts(db, companyId, administeredBy(actor), { personId, status: 'all', limit: 1 });
    if (!contacts[0]) throw new AppError('not_found', 'errors.notFound');
    return contacts[0];
  };

  r.get(
    '/api/companies/:companyId/people',
    { schema: { tags: ['people'], summary: "The company's people, with search and keyset pages", params: companyParams, querystring: contactListQuery, response: { 200: contactList, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await administeredCompany(db, actor, request.params.companyId);
      return listCompanyContacts(db, request.params.companyId, administeredBy(actor), request.query);
    },
  );

  r.post(
    '/api/companies/:companyId/people',
    { schema: { tags: ['people'], summary: 'Add a contact: a new address is invited to set a password (72 h), one that has an account to join (its owner accepts); the answer is the same either way', params: companyParams, body: contactInput, response: { 201: contactView, ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const personId = await createContact(ctx, actor, request.params.companyId, request.body);
      ctx.pokeMail();
      return reply.status(201).send(await contact(actor, request.params.companyId, personId));
    },
  );

  r.patch(
    '/api/companies/:companyId/people/:personId',
    { schema: { tags: ['people'], summary: 'Edit a contact; a new e-mail takes effect once confirmed, and the old address may undo it for 7 days', params: personParams, body: contactUpdate, response: { 200: contactView, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await updateContact(ctx, actor, request.params.companyId, request.params.personId, request.body);
      ctx.pokeMail();
      return contact(actor, request.params.companyId, request.params.personId);
    },
  );

  for (const [action, active] of [['deactivate', false], ['reactivate', true]] as const) {
    r.post(
      `/api/companies/:companyId/people/:personId/${action}`,
      { schema: { tags: ['people'], summary: active ? 'Reactivate a contact' : 'Deactivate a contact in this company, at once (their sessions end when no company is left)', params: personParams, response: { 200: contactView, ...errors } } },
      async (request) => {
        const actor = requireActor(request);
        await setContactActive(ctx, actor, request.params.companyId, request.params.personId, active);
        return contact(actor, request.params.companyId, request.params.personId);
      },
    );
  }

  r.post(
    '/api/companies/:companyId/people/:personId/invitation',
    { schema: { tags: ['people'], summary: 'Send the invitation again', params: personParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await resendInvitation(ctx, requireActor(request), request.params.companyId, request.params.personId);
      ctx.pokeMail();
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/companies/:companyId/people/import/preview',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: { tags: ['people'], summary: 'Check a CSV of contacts row by row; writes nothing', params: companyParams, body: importInput, response: { 200: importPreview, ...errors } },
    },
    async (request) => previewImport(ctx, requireActor(request), request.params.companyId, request.body.csv, requestLanguage(request)),
  );

  r.post(
    '/api/companies/:companyId/people/import',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags: ['people'],
        summary: 'Import a CSV of contacts in one transaction (refused whole if any row has an error); idempotent by e-mail; people who already have an account are invited to join',
        params: companyParams,
        body: importInput,
        response: { 200: z.object({ created: z.number(), unchanged: z.number() }), ...errors },
      },
    },
    async (request) => {
      const result = await commitImport(ctx, requireActor(request), request.params.companyId, request.body.csv, requestLanguage(request));
      ctx.pokeMail();
      return result;
    },
  );
}
