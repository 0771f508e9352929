import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { closeReasonAdminView, closeReasonInput, closingSettings } from '../../../contracts/closing';
import { errorBody } from '../../../contracts/errors';
import { rowIdParam } from '../../../contracts/ids';
import { notFound } from '../../lib/errors';
import { requireSystemAdmin } from '../../plugins/session';
import { audit } from '../audit/audit.service';
import type { CloseReasonTable } from './closing.tables';
import { setWaitingCustomerDays, waitingCustomerDays } from './closing.waiting';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

const present = (row: Selectable<CloseReasonTable>) => ({
  id: row.id,
  key: row.key,
  names: JSON.parse(row.names) as Record<string, string>,
  notifyCustomer: Boolean(row.notify_customer),
  active: Boolean(row.active),
  position: row.position,
});

/** The system administrator's side of closing: the list of close reasons, and the days a ticket waits for the customer. */
export async function closingAdminRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const list = () => db.selectFrom('close_reason').selectAll().orderBy('position').orderBy('id').execute();

  r.get(
    '/api/admin/close-reasons',
    { schema: { tags: ['admin'], summary: 'Every close reason, inactive ones included', response: { 200: z.object({ reasons: z.array(closeReasonAdminView) }), ...errors } } },
    async (request) => {
      requireSystemAdmin(request);
      return { reasons: (await list()).map(present) };
    },
  );

  r.post(
    '/api/admin/close-reasons',
    { schema: { tags: ['admin'], summary: 'Add a close reason', body: closeReasonInput, response: { 201: closeReasonAdminView, ...errors } } },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      const b = request.body;
      const row = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('close_reason')
          .values({ key: null, names: JSON.stringify(b.names), notify_customer: b.notifyCustomer, active: b.active, position: b.position })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, { actorId: actor.id, action: 'close_reason.created', targetType: 'close_reason', targetId: created.id, after: b });
        return created;
      });
      return reply.status(201).send(present(row));
    },
  );

  r.put(
    '/api/admin/close-reasons/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Replace a close reason: names, whether the customer is told, position, active',
        params: z.object({ id: rowIdParam }),
        body: closeReasonInput,
        response: { 200: closeReasonAdminView, ...errors },
      },
    },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const b = request.body;
      const row = await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('close_reason').selectAll().where('id', '=', request.params.id).executeTakeFirst();
        if (!before) throw notFound();
        const updated = await trx
          .updateTable('close_reason')
          .set({ names: JSON.stringify(b.names), notify_customer: b.notifyCustomer, active: b.active, position: b.position })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, { actorId: actor.id, action: 'close_reason.updated', targetType: 'close_reason', targetId: before.id, before: present(before), after: b });
        return updated;
      });
      return present(row);
    },
  );

  r.get(
    '/api/admin/closing',
    { schema: { tags: ['admin'], summary: 'How many days a ticket waits for the customer before the reminder, and again before it closes', response: { 200: closingSettings, ...errors } } },
    async (request) => {
      requireSystemAdmin(request);
      return { waitingCustomerDays: await waitingCustomerDays(db) };
    },
  );

  r.put(
    '/api/admin/closing',
    { schema: { tags: ['admin'], summary: 'Set the days a ticket waits for the customer (0: never reminded nor closed)', body: closingSettings, response: { 200: closingSettings, ...errors } } },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const before = await waitingCustomerDays(db);
      await setWaitingCustomerDays(db, request.body.waitingCustomerDays);
      await audit(db, { actorId: actor.id, action: 'closing.settings', targetType: 'setting', targetId: 'waiting_customer_days', before: { waitingCustomerDays: before }, after: request.body });
      return request.body;
    },
  );
}
