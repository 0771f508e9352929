import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../../contracts/errors';
import { notificationKinds, notificationList, notificationListQuery, notificationPreferences, notificationsReadInput, unreadView, type NotificationKind } from '../../../contracts/live';
import { iso, now } from '../../db/columns';
import { inlineLimit } from '../../db/limit';
import { forbidden } from '../../lib/errors';
import { onCommitted, recordEvent } from '../../lib/events';
import { requireActor } from '../../plugins/session';
import { readableBy } from '../tickets/tickets.policy';
import { notifyFromEvents, unreadCount } from './notifications.service';

const errors = { 400: errorBody, 401: errorBody };

/**
 * In-app notifications, the feature's one way in: written after the commits whose domain events
 * call for them (notifications.service.ts), listed newest first, marked read; and which of them
 * also come by mail. A notification shows only while its ticket is one the person may read.
 */
export async function notificationsRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const stop = onCommitted(
    db,
    (events) => notifyFromEvents({ db, publicUrl: config.publicUrl, pokeMail: () => app.ctx.pokeMail() }, events),
    (error) => app.log.error({ err: error }, 'notifications: a committed change notified nobody'),
  );
  app.addHook('onClose', async () => stop());

  r.get(
    '/api/notifications',
    { schema: { tags: ['notifications'], summary: 'My notifications, newest first, and how many are unread', querystring: notificationListQuery, response: { 200: notificationList, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      const { before, limit } = request.query;
      const rows = await db
        .selectFrom('notification')
        .innerJoin('ticket', 'ticket.id', 'notification.ticket_id')
        .leftJoin('person as by', 'by.id', 'notification.actor_id')
        .select(['notification.id', 'notification.kind', 'notification.created_at', 'notification.read_at', 'ticket.number', 'ticket.summary', 'by.id as by_id', 'by.name as by_name'])
        .where('notification.person_id', '=', actor.id)
        .where(readableBy(actor))
        .$if(before !== undefined, (q) => q.where('notification.id', '<', before!))
        .orderBy('notification.id', 'desc')
        .limit(inlineLimit(limit + 1))
        .execute();
      const page = rows.slice(0, limit);
      return {
        notifications: page.map((n) => ({
          id: n.id,
          kind: n.kind as NotificationKind,
          ticket: { number: n.number, summary: n.summary },
          actor: n.by_id !== null && n.by_name !== null ? { id: n.by_id, name: n.by_name } : null,
          createdAt: iso(n.created_at),
          read: n.read_at !== null,
        })),
        unread: await unreadCount(db, actor),
        nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
      };
    },
  );

  r.post(
    '/api/notifications/read',
    { schema: { tags: ['notifications'], summary: 'Mark notifications read: these ids, or all', body: notificationsReadInput, response: { 200: unreadView, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      const { ids, all } = request.body;
      if (!all && !ids.length) return { unread: await unreadCount(db, actor) };
      return db.transaction().execute(async (trx) => {
        // Only unread ones, and only the person's own: reading twice, or someone else's id, changes nothing.
        await trx
          .updateTable('notification')
          .set({ read_at: now() })
          .where('person_id', '=', actor.id)
          .where('read_at', 'is', null)
          .$if(!all, (q) => q.where('id', 'in', ids))
          .execute();
        const unread = await unreadCount(trx, actor);
        recordEvent(trx, { type: 'notifications.changed', personId: actor.id, unread });
        return { unread };
      });
    },
  );

  const preferences = async (personId: string) => {
    const refused = await db.selectFrom('notification_preference').select('kind').where('person_id', '=', personId).where('mail', '=', false).execute();
    return { mail: Object.fromEntries(notificationKinds.map((k) => [k, !refused.some((p) => p.kind === k)])) as Record<NotificationKind, boolean> };
  };
  const staffOnly = { 403: errorBody };

  r.get(
    '/api/me/notification-preferences',
    { schema: { tags: ['notifications'], summary: 'Which of my notifications also come by mail (agents)', response: { 200: notificationPreferences, ...errors, ...staffOnly } } },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      return preferences(actor.id);
    },
  );

  r.put(
    '/api/me/notification-preferences',
    {
      schema: { tags: ['notifications'], summary: 'Choose which of my notifications also come by mail (agents)', body: notificationPreferences, response: { 200: notificationPreferences, ...errors, ...staffOnly } },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      const { mail } = request.body;
      await db.transaction().execute(async (trx) => {
        for (const kind of notificationKinds) {
          await trx
            .insertInto('notification_preference')
            .values({ person_id: actor.id, kind, mail: mail[kind] })
            .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ mail: mail[kind] }))
            .execute();
        }
      });
      return preferences(actor.id);
    },
  );
}
