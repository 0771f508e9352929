import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { defaultLanguage, isLanguage, localized, translate } from '../../../contracts/i18n';
import { adminLookupInput, confirmEmailInput } from '../../../contracts/people';
import { now } from '../../db/columns';
import { AppError } from '../../lib/errors';
import { requireActor } from '../../plugins/session';
import { auditList, readAudit } from '../audit/audit.list';
import { audit } from '../audit/audit.service';
import { recordMailRequest } from '../auth/auth.throttle';
import { enqueueMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';
import { administeredCompany } from './people.admin';
import { rowIdParam } from '../../../contracts/ids';

const companyParams = z.object({ companyId: rowIdParam });

/** E-mail confirmation, "who is my portal administrator?", and a company's products and log. */
export async function peopleSelfRoutes(app: FastifyInstance) {
  const ctx = app.ctx;
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/email/confirm',
    { schema: { tags: ['people'], summary: 'Confirm a new e-mail address with the mailed link', body: confirmEmailInput, response: { 204: z.null(), 400: errorBody } } },
    async (request, reply) => {
      await db.transaction().execute(async (trx) => {
        const found = await trx
          .deleteFrom('verification')
          .where('identifier', '=', `email-change:${request.body.token}`)
          .where('expires_at', '>', now())
          .returning('value')
          .executeTakeFirst();
        const person = found && (await trx.selectFrom('person').select(['id', 'email', 'pending_email']).where('id', '=', found.value).executeTakeFirst());
        if (!person?.pending_email) throw new AppError('invalid_token', 'reset.invalidToken');
        const taken = await trx.selectFrom('person').select('id').where('email', '=', person.pending_email).executeTakeFirst();
        if (taken) throw new AppError('invalid_token', 'reset.invalidToken');
        await trx.updateTable('person').set({ email: person.pending_email, pending_email: null, updated_at: now() }).where('id', '=', person.id).execute();
        await audit(trx, { actorId: person.id, action: 'email.confirmed', targetType: 'person', targetId: person.id, before: { email: person.email }, after: { email: person.pending_email } });
      });
      return reply.status(204).send(null);
    },
  );

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
