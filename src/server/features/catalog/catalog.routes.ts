import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { channelList } from '../../../contracts/catalog';
import { errorBody } from '../../../contracts/errors';
import { localized } from '../../../contracts/i18n';
import { requireActor } from '../../plugins/session';
import { listChannels, listReadableServiceLines } from './catalog.repository';

/** The channels of the left menu, each with the service lines the caller may use. */
export async function catalogRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/channels',
    { schema: { tags: ['catalog'], summary: 'Channels and the service lines I may open tickets for', response: { 200: channelList, 401: errorBody } } },
    async (request) => {
      const actor = requireActor(request);
      const [channels, lines] = await Promise.all([
        listChannels(db),
        listReadableServiceLines(db, {
          staff: actor.staffRole !== null,
          companyIds: actor.memberships.map((m) => m.companyId),
        }),
      ]);
      return {
        channels: channels.map((c) => ({
          key: c.key,
          name: localized(JSON.parse(c.names), actor.language),
          serviceLines: lines.filter((l) => l.channel_id === c.id).map(({ id, code, name }) => ({ id, code, name })),
        })),
      };
    },
  );
}
