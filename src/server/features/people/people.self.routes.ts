import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { defaultLanguage, isLanguage, localized, translate } from '../../../contracts/i18n';
import { adminLookupInput, confirmEmailInput, invitationList, undoEmailInput } from '../../../contracts/people';
import { requireActor } from '../../plugins/session';
import { auditList, readAudit } from '../audit/audit.list';
import { recordMailRequest } from '../auth/auth.throttle';
import { enqueueMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';
import { administeredCompany } from './people.admin';
import { confirmEmailChange, undoEmailChange } from './people.email';
import { acceptInvitation, declineInvitation, pendingInvitations } from './people.invitations';
import { rowIdParam } from '../../../contracts/ids';
import { text } from '../../../contracts/validation';

const companyParams = z.object({ companyId: rowIdParam });

/** A person's own answers (a new e-mail confirmed or undone, invitations), "who is my portal administrator?", and a company's products and log. */
export async function peopleSelfRoutes(app: FastifyInstance) {
  const ctx = app.ctx;
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/email/confirm',
    { schema: { tags: ['people'], summary: 'Confirm a new e-mail address with the mailed link; every session of the person ends', body: confirmEmailInput, response: { 204: z.null(), 400: errorBody } } },
    async (request, reply) => {
      await confirmEmailChange(db, request.body.token);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/email/undo',
    {
      schema: {
        tags: ['people'],
        summary: 'Undo a change of e-mail with the link mailed to the old address (7 days)',
        description: 'Before the confirmation it cancels the change; after it, it gives the old address back. Either way every session of the person ends; a password set since the confirmation is removed and the old address gets a link to set a new one.',
        body: undoEmailInput,
        response: { 204: z.null(), 400: errorBody },
      },
    },
    async (request, reply) => {
      await undoEmailChange(db, ctx.config, request.body.token);
      ctx.pokeMail();
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/invitations',
    { schema: { tags: ['people'], summary: 'Invitations to join a company, waiting for my answer', response: { 200: invitationList, 401: errorBody } } },
    async (request) => ({ invitations: await pendingInvitations(db, requireActor(request)) }),
  );

  for (const [answer, act] of [['accept', acceptInvitation], ['decline', declineInvitation]] as const) {
    r.post(
      `/api/invitations/:id/${answer}`,
      {
        schema: {
          tags: ['people'],
          summary: answer === 'accept' ? 'Join the company that invited me, with the rights it chose' : 'Decline an invitation to join a company',
          params: z.object({ id: text().max(100) }),
          response: { 204: z.null(), 401: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        await act(db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  }

  r.post(
    '/api/portal-admins/lookup',
    {
      schema: {
        tags: ['people'],
        summary: "Mail a person the names of their companies' portal administrators",
        description: 'Always answers the same, whether or not the address has an account.',
        body: adminLookupInput,
        response: { 202: z.object({ ok: z.literal(true) }), 400: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      await recordMailRequest(db, 'lookup', request.ip, request.body.email);
      const person = await db.selectFrom('person').select(['id', 'name', 'email', 'language', 'active']).where('email', '=', request.body.email).executeTakeFirst();
      if (person?.active) {
        const admins = await db
          .selectFrom('membership as mine')
          .innerJoin('company', 'company.id', 'mine.company_id')
          .innerJoin('membership as theirs', 'theirs.company_id', 'mine.company_id')
          .innerJoin('person as admin', 'admin.id', 'theirs.person_id')
          .select(['company.name as company', 'admin.name', 'admin.email'])
          .where('mine.person_id', '=', person.id)
          .where('mine.active', '=', true)
          .where('company.active', '=', true)
          .where('theirs.is_portal_admin', '=', true)
          .where('theirs.active', '=', true)
          .where('admin.active', '=', true)
          .orderBy('company.name')
          .orderBy('admin.name')
          .execute();
        if (admins.length) {
          const language = isLanguage(person.language) ? person.language : defaultLanguage;
          const t = (k: string) => translate(language, `mail.portalAdmins.${k}`);
          const { html, text } = renderMail({
            language,
            recipientName: person.name,
            paragraphs: [t('body'), ...admins.map((a) => `${a.company}: ${a.name} <${a.email}>`), t('footer')],
          });
          await enqueueMail(db, { to: person.email, subject: t('subject'), html, text });
          ctx.pokeMail();
        }
      }
      return reply.status(202).send({ ok: true as const });
    },
  );

  r.get(
    '/api/companies/:companyId/products',
    {
      schema: {
        tags: ['people'],
        summary: "Meus produtos: the company's entitled service lines",
        params: companyParams,
        response: { 200: z.object({ products: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), channel: z.string() })) }), 401: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await administeredCompany(db, actor, request.params.companyId);
      const rows = await db
        .selectFrom('entitlement')
        .innerJoin('service_line', 'service_line.id', 'entitlement.service_line_id')
        .innerJoin('channel', 'channel.id', 'service_line.channel_id')
        .select(['service_line.id', 'service_line.code', 'service_line.name', 'channel.names'])
        .where('entitlement.company_id', '=', request.params.companyId)
        .where('service_line.active', '=', true)
        .orderBy('channel.position')
        .orderBy('service_line.position')
        .execute();
      return { products: rows.map((p) => ({ id: p.id, code: p.code, name: p.name, channel: localized(JSON.parse(p.names), actor.language) })) };
    },
  );

  r.get(
    '/api/companies/:companyId/audit',
    { schema: { tags: ['audit'], summary: "The log of the company's contacts", params: companyParams, response: { 200: auditList, 401: errorBody, 404: errorBody } } },
    async (request) => {
      const actor = requireActor(request);
      const { companyId } = request.params;
      await administeredCompany(db, actor, companyId);
      // Names, too, only of this company and its people, whoever reads it.
      return readAudit(db, { companyId, limit: 200 }, { language: actor.language, companyId });
    },
  );
}
