import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { text } from '../../../contracts/validation';
import { attachmentView } from '../../../contracts/tickets';
import { AppError, foreignObject, notFound } from '../../lib/errors';
import { requestLanguage } from '../../lib/i18n';
import { requireActor } from '../../plugins/session';
import { can, readableBy, seesInternal } from '../tickets/tickets.policy';
import { ticketFacts, unreadableTicket } from '../tickets/tickets.repository';
import { attachmentStore } from './attachments.storage';
import { storeUpload, uploadRoom } from './attachments.upload';
import { rowIdParam } from '../../../contracts/ids';

/** Types a browser may open as what they claim; anything else downloads as bytes. */
const safeTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/csv', 'application/zip']);

/**
 * Characters a file name loses: control characters (C0, DEL, C1) and quotes; the bidirectional
 * overrides, embeddings and isolates that make "fdp.exe" read as "exe.pdf"; zero-width characters.
 */
const hiddenInNames = /[\u0000-\u001f\u007f-\u009f"\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Keeps a file name for display only: no path, no hidden or reordering characters, a sane length. */
export function displayName(raw: string): string {
  const base = path.basename(raw.replaceAll('\\', '/')).replace(hiddenInNames, '').trim();
  return (base || 'arquivo').slice(0, 200);
}

/** Upload (before the reply that carries it) and download, for those who can see the interaction. */
export async function attachmentsRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const store = attachmentStore(config);
  // One byte over the limit lets the store tell "too large" from "exactly the limit"; a second file is
  // refused (413), never dropped; a few stray fields are read past.
  await app.register(multipart, { limits: { files: 1, fields: 10, parts: 20, fileSize: config.attachments.maxBytes + 1 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/tickets/:number/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Upload one file (multipart/form-data, field "file") to attach to your next reply or note',
        consumes: ['multipart/form-data'],
        params: z.object({ number: rowIdParam }),
        response: { 201: attachmentView, 400: errorBody, 401: errorBody, 404: errorBody, 413: errorBody, 415: errorBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const ticket = await ticketFacts(db, actor, request.params.number);
      if (!ticket) throw await unreadableTicket(db, request.params.number);
      if (!can(actor, 'reply', ticket) && !can(actor, 'note', ticket)) throw notFound();
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'errors.unsupportedMediaType');
      const language = requestLanguage(request);
      const room = await uploadRoom(db, config.attachments, actor.id, ticket.id, language);
      const upload = await storeUpload({ db, store, parts: request.parts(), ticketId: ticket.id, uploaderId: actor.id, room, language }, (file) => ({
        fileName: displayName(file.filename),
        contentType: file.mimetype.slice(0, 100),
      }));
      return reply.status(201).send(upload);
    },
  );

  r.get(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Download a file; always as an attachment, never rendered inline',
        params: z.object({ id: text().max(64) }),
        response: { 200: z.unknown().describe('The file, as application/octet-stream or its safe type'), 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const found = await db
        .selectFrom('attachment')
        .innerJoin('ticket', 'ticket.id', 'attachment.ticket_id')
        .leftJoin('ticket_article', 'ticket_article.id', 'attachment.article_id')
        .select(['attachment.file_name', 'attachment.content_type', 'attachment.size', 'attachment.storage_key', 'attachment.uploader_id', 'attachment.article_id', 'ticket_article.internal'])
        .where('attachment.id', '=', request.params.id)
        .where('attachment.uploaded_at', 'is not', null)
        .where(readableBy(actor))
        .executeTakeFirst();
      const visible =
        found && (found.article_id === null ? found.uploader_id === actor.id : !found.internal || seesInternal(actor));
      if (!found || !visible) {
        const exists = found ?? (await db.selectFrom('attachment').select('id').where('id', '=', request.params.id).executeTakeFirst());
        throw exists ? foreignObject() : notFound();
      }
      const type = safeTypes.has(found.content_type) ? found.content_type : 'application/octet-stream';
      const ascii = found.file_name.replace(/[^\x20-\x7e]/g, '_');
      return reply
        .header('content-type', type)
        .header('content-length', String(found.size))
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(found.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(store.get(found.storage_key));
    },
  );
}
