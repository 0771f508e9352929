import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { companyInput, companyList, companyUpdate, companyView, entitlementsInput } from '../../../contracts/admin';
import { isCountryCode } from '../../../contracts/countries';
import { errorBody } from '../../../contracts/errors';
import { text } from '../../../contracts/validation';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import { containsFolded } from '../../db/text-search';
import { inlineLimit } from '../../db/limit';
import { invalidFields, notFound } from '../../lib/errors';
import { requireSystemAdmin } from '../../plugins/session';
import { audit } from '../audit/audit.service';
import { addNewPerson } from '../people/people.admin';
import { addressOwner } from '../people/people.email';
import { inviteToCompany } from '../people/people.invitations';
import { endSessions } from '../people/people.service';
import { rowIdParam } from '../../../contracts/ids';

const params = z.object({ id: rowIdParam });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

async function listCompanies(db: Db, filter: { q?: string; id?: number }) {
  const rows = await db
    .selectFrom('company')
    .select((eb) => [
      'company.id',
      'company.name',
      'company.cnpj',
      'company.country',
      'company.active',
      eb.selectFrom('membership').select((m) => m.fn.countAll<number>().as('n')).whereRef('membership.company_id', '=', 'company.id').as('people'),
    ])
    .$if(filter.id !== undefined, (q) => q.where('company.id', '=', filter.id!))
    .$if(Boolean(filter.q), (q) =>
      q.where((eb) => {
        // The CNPJ is matched by its digits, when the search has any.
        const digits = filter.q!.replace(/\D/g, '');
        const byName = containsFolded(db.dialectName, 'company.name', filter.q!);
        return digits ? eb.or([byName, eb('company.cnpj', 'like', `%${digits}%`)]) : byName;
      }),
    )
    .orderBy('company.name')
    .limit(inlineLimit(200))
    .execute();
  const lines = rows.length
    ? await db.selectFrom('entitlement').select(['company_id', 'service_line_id']).where('company_id', 'in', rows.map((r) => r.id)).execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    cnpj: r.cnpj,
    country: r.country,
    active: Boolean(r.active),
    people: Number(r.people ?? 0),
    serviceLineIds: lines.filter((l) => l.company_id === r.id).map((l) => l.service_line_id),
  }));
}

async function assertCnpjFree(db: Db, cnpj: string | null | undefined, exceptId?: number) {
  if (!cnpj) return;
  const taken = await db.selectFrom('company').select('id').where('cnpj', '=', cnpj).executeTakeFirst();
  if (taken && taken.id !== exceptId) throw invalidFields({ cnpj: 'validation.cnpjTaken' });
}

/** System administrators: companies, their first portal administrator, and their entitlements. */
export async function companiesAdminRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const one = async (id: number) => {
    const [company] = await listCompanies(db, { id });
    if (!company) throw notFound();
    return company;
  };

  r.get(
    '/api/admin/companies',
    { schema: { tags: ['admin'], summary: 'Companies', querystring: z.object({ q: text().trim().max(100).optional() }), response: { 200: companyList, ...errors } } },
    async (request) => {
      requireSystemAdmin(request);
      return { companies: await listCompanies(db, { q: request.query.q }) };
    },
  );

  r.post(
    '/api/admin/companies',
    { schema: { tags: ['admin'], summary: 'Create a company and invite its first portal administrator (someone who already has an account is invited to join it)', body: companyInput, response: { 201: companyView, ...errors } } },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      const { name, cnpj, country, firstAdmin } = request.body;
      if (!isCountryCode(country)) throw invalidFields({ country: 'validation.country' });
      await assertCnpjFree(db, cnpj);
      const owner = await addressOwner(db, firstAdmin.email);
      if (owner?.staff_role) throw invalidFields({ 'firstAdmin.email': 'validation.emailTaken' });
      const id = await db.transaction().execute(async (trx) => {
        const company = await trx
          .insertInto('company')
          .values({ name, cnpj: cnpj ?? null, country, active: true, created_at: now(), updated_at: now() })
          .returning('id')
          .executeTakeFirstOrThrow();
        const typed = { ...firstAdmin, phone: null, cpf: null, isPortalAdmin: true, seesAllTickets: true, mayRequestConsulting: true };
        // Someone who already has an account becomes the administrator only by accepting (people.invitations.ts).
        if (owner) await inviteToCompany(trx, config, { company: { id: company.id, name }, personId: owner.id, typed, inviter: actor });
        else await addNewPerson(trx, config, { id: company.id, name }, typed);
        await audit(trx, { actorId: actor.id, companyId: company.id, action: 'company.created', targetType: 'company', targetId: company.id, after: request.body });
        return company.id;
      });
      app.ctx.pokeMail();
      return reply.status(201).send(await one(id));
    },
  );

  r.patch(
    '/api/admin/companies/:id',
    { schema: { tags: ['admin'], summary: 'Edit or (de)activate a company; deactivation ends its people\'s sessions', params, body: companyUpdate, response: { 200: companyView, ...errors } } },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const before = await one(request.params.id);
      const { name, cnpj, country, active } = request.body;
      if (country !== undefined && !isCountryCode(country)) throw invalidFields({ country: 'validation.country' });
      await assertCnpjFree(db, cnpj, before.id);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('company').set({ name, cnpj, country, active, updated_at: now() }).where('id', '=', before.id).execute();
        if (active === false) {
          const members = await trx.selectFrom('membership').select('person_id').where('company_id', '=', before.id).execute();
          for (const m of members) await endSessions(trx, m.person_id);
        }
        await audit(trx, { actorId: actor.id, companyId: before.id, action: 'company.updated', targetType: 'company', targetId: before.id, before, after: request.body });
      });
      return one(before.id);
    },
  );

  r.put(
    '/api/admin/companies/:id/entitlements',
    { schema: { tags: ['admin'], summary: 'Set the service lines a company is entitled to', params, body: entitlementsInput, response: { 200: companyView, ...errors } } },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const before = await one(request.params.id);
      const ids = [...new Set(request.body.serviceLineIds)];
      const known = ids.length ? await db.selectFrom('service_line').select('id').where('id', 'in', ids).execute() : [];
      if (known.length !== ids.length) throw invalidFields({ serviceLineIds: 'validation.notInList' });
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('entitlement').where('company_id', '=', before.id).execute();
        if (ids.length) await trx.insertInto('entitlement').values(ids.map((service_line_id) => ({ company_id: before.id, service_line_id }))).execute();
        await audit(trx, { actorId: actor.id, companyId: before.id, action: 'company.entitlements', targetType: 'company', targetId: before.id, before: before.serviceLineIds, after: ids });
      });
      return one(before.id);
    },
  );
}
