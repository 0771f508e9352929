import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { helpChannelInput } from '../../../contracts/admin';
import { errorBody } from '../../../contracts/errors';
import { localized } from '../../../contracts/i18n';
import { notFound } from '../../lib/errors';
import { requestLanguage } from '../../lib/i18n';
import { requireSystemAdmin } from '../../plugins/session';
import { audit } from '../audit/audit.service';
import { rowIdParam } from '../../../contracts/ids';
import { isSafeLink, text } from '../../../contracts/validation';

const channelView = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  phone: z.string().nullable(),
  option: z.string().nullable(),
  url: z.string().nullable(),
});
const articleSummary = z.object({ slug: z.string(), title: z.string() });

/** "Canais de atendimento": readable before and after login; edited by system administrators. */
export async function helpRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/help',
    { schema: { tags: ['help'], summary: 'Help channels and articles (no sign-in needed)', response: { 200: z.object({ channels: z.array(channelView), articles: z.array(articleSummary) }) } } },
    async (request) => {
      const language = requestLanguage(request);
      const [channels, articles] = await Promise.all([
        db.selectFrom('help_channel').selectAll().where('active', '=', true).orderBy('position').orderBy('id').execute(),
        db.selectFrom('help_article').select(['slug', 'titles']).where('active', '=', true).orderBy('position').execute(),
      ]);
      return {
        channels: channels.map((c) => ({
          id: c.id,
          name: localized(JSON.parse(c.names), language),
          description: localized(JSON.parse(c.descriptions), language),
          phone: c.phone,
          option: c.option,
          // Stored before links were checked, a script link would still not reach the page.
          url: c.url && isSafeLink(c.url) ? c.url : null,
        })),
        articles: articles.map((a) => ({ slug: a.slug, title: localized(JSON.parse(a.titles), language) })),
      };
    },
  );

  r.get(
    '/api/help/articles/:slug',
    {
      schema: {
        tags: ['help'],
        summary: 'One help article (no sign-in needed)',
        params: z.object({ slug: text().max(100) }),
        response: { 200: articleSummary.extend({ body: z.string(), language: z.string() }), 404: errorBody },
      },
    },
    async (request) => {
      const article = await db.selectFrom('help_article').selectAll().where('slug', '=', request.params.slug).where('active', '=', true).executeTakeFirst();
      if (!article) throw notFound();
      return { slug: article.slug, title: localized(JSON.parse(article.titles), requestLanguage(request)), body: article.body, language: article.language };
    },
  );

  const adminChannel = z.object({
    id: z.number(),
    names: z.record(z.string(), z.string()),
    descriptions: z.record(z.string(), z.string()),
    phone: z.string().nullable(),
    option: z.string().nullable(),
    url: z.string().nullable(),
    position: z.number(),
    active: z.boolean(),
  });
  const present = (c: { id: number; names: string; descriptions: string; phone: string | null; option: string | null; url: string | null; position: number; active: unknown }) => ({
    ...c,
    names: JSON.parse(c.names) as Record<string, string>,
    descriptions: JSON.parse(c.descriptions) as Record<string, string>,
    active: Boolean(c.active),
  });

  r.get(
    '/api/admin/help-channels',
    { schema: { tags: ['admin'], summary: 'Every help channel, for editing', response: { 200: z.object({ channels: z.array(adminChannel) }), 401: errorBody, 403: errorBody } } },
    async (request) => {
      requireSystemAdmin(request);
      return { channels: (await db.selectFrom('help_channel').selectAll().orderBy('position').orderBy('id').execute()).map(present) };
    },
  );

  r.post(
    '/api/admin/help-channels',
    { schema: { tags: ['admin'], summary: 'Add a help channel', body: helpChannelInput, response: { 201: adminChannel, 400: errorBody, 401: errorBody, 403: errorBody } } },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      const b = request.body;
      const row = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('help_channel')
          .values({ names: JSON.stringify(b.names), descriptions: JSON.stringify(b.descriptions), phone: b.phone ?? null, option: b.option ?? null, url: b.url ?? null, position: b.position, active: b.active })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, { actorId: actor.id, action: 'help_channel.created', targetType: 'help_channel', targetId: created.id, after: b });
        return created;
      });
      return reply.status(201).send(present(row));
    },
  );

  r.put(
    '/api/admin/help-channels/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Replace a help channel',
        params: z.object({ id: rowIdParam }),
        body: helpChannelInput,
        response: { 200: adminChannel, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const b = request.body;
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('help_channel').selectAll().where('id', '=', request.params.id).executeTakeFirst();
        if (!before) throw notFound();
        const row = await trx
          .updateTable('help_channel')
          .set({ names: JSON.stringify(b.names), descriptions: JSON.stringify(b.descriptions), phone: b.phone ?? null, option: b.option ?? null, url: b.url ?? null, position: b.position, active: b.active })
          .where('id', '=', request.params.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, { actorId: actor.id, action: 'help_channel.updated', targetType: 'help_channel', targetId: row.id, before: present(before), after: b });
        return present(row);
      });
    },
  );
}
