import type { MultipartFile } from '@fastify/multipart';
import type { Config } from '../../config';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { Language } from '../../../contracts/i18n';
import type { FileStore } from './attachments.storage';
import { newStorageKey, TooLargeError } from './attachments.storage';

/** The limit an upload meets first: the file's size, the ticket's quota or the person's of the last 24 hours. */
type Room = { kind: 'file' | 'ticket' | 'daily'; bytes: number; used: number; max: number };

const dayMs = 24 * 3600_000;

/** Megabytes as the reader writes numbers ("0,5" in Portuguese), two decimals at most. */
const megabytes = (bytes: number, language: Language) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(bytes / 1048576);

/** The 413 of a limit, naming it in the reader's language. */
function overLimit(room: Room, language: Language): AppError {
  const mb = (bytes: number) => megabytes(bytes, language);
  if (room.kind === 'file') return new AppError('payload_too_large', 'attachments.tooLarge', { params: { mb: mb(room.max) } });
  return new AppError('payload_too_large', `attachments.${room.kind}Quota`, { params: { used: mb(room.used), max: mb(room.max) } });
}

/**
 * How many bytes an upload may still take, and which limit that is; 413 when one is reached already.
 * Two uploads at the same moment may both fit and together pass a quota by up to one file.
 */
export async function uploadRoom(db: Db, limits: Config['attachments'], personId: string, ticketId: number, language: Language): Promise<Room> {
  const used = (column: 'ticket_id' | 'uploader_id', value: string | number, since?: string) =>
    db
      .selectFrom('attachment')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('size'), eb.lit(0)).as('bytes'))
      .where(column, '=', value)
      .$if(since !== undefined, (q) => q.where('created_at', '>=', since!))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.bytes));
  const [ticketUsed, dailyUsed] = await Promise.all([used('ticket_id', ticketId), used('uploader_id', personId, new Date(Date.now() - dayMs).toISOString())]);
  const rooms: Room[] = [
    { kind: 'file', bytes: limits.maxBytes, used: 0, max: limits.maxBytes },
    { kind: 'ticket', bytes: limits.ticketQuotaBytes - ticketUsed, used: ticketUsed, max: limits.ticketQuotaBytes },
    { kind: 'daily', bytes: limits.dailyQuotaBytes - dailyUsed, used: dailyUsed, max: limits.dailyQuotaBytes },
  ];
  const room = rooms.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  if (room.bytes <= 0) throw overLimit(room, language);
  return room;
}

/** busboy's words for a body that ended before its closing boundary. */
const cutOff = (error: unknown) =>
  (error as { code?: string }).code === 'FST_MP_PREMATURE_CLOSE' || /^Unexpected end of (form|multipart data)/.test((error as Error).message ?? '');

const interrupted = () => new AppError('validation', 'errors.validation', { fields: { file: 'attachments.interrupted' } });

export type StoredUpload = { id: string; fileName: string; contentType: string; size: number };

/**
 * Stores the one file of a multipart upload. Its row is written first and marked uploaded once every
 * byte is stored, so no file is ever without a row (the clean-up of attachments.cleanup.ts removes
 * both of an upload never completed). A second file is a 413, a body cut off a 400 on `file`, a file
 * past `room` the 413 of that limit; none of them keeps anything.
 */
export async function storeUpload(
  input: { db: Db; store: FileStore; parts: AsyncIterable<MultipartFile | { type: 'field' }>; ticketId: number; uploaderId: string; room: Room; language: Language },
  describe: (file: MultipartFile) => { fileName: string; contentType: string },
): Promise<StoredUpload> {
  const { db, store } = input;
  let stored: StoredUpload | undefined;
  let key: string | undefined;
  const discard = async () => {
    if (!stored) return;
    await store.remove(key!);
    await db.deleteFrom('attachment').where('id', '=', stored.id).execute();
  };
  try {
    for await (const part of input.parts) {
      if (part.type !== 'file') continue;
      const file = part as MultipartFile;
      const { fileName, contentType } = describe(file);
      stored = { id: crypto.randomUUID(), fileName, contentType, size: 0 };
      key = newStorageKey();
      await db
        .insertInto('attachment')
        .values({ id: stored.id, ticket_id: input.ticketId, article_id: null, uploader_id: input.uploaderId, file_name: fileName, content_type: contentType, size: 0, storage_key: key, created_at: now(), uploaded_at: null })
        .execute();
      ({ size: stored.size } = await store.put(key, file.file, input.room.bytes));
      await db.updateTable('attachment').set({ size: stored.size, uploaded_at: now() }).where('id', '=', stored.id).execute();
    }
  } catch (error) {
    await discard();
    if (error instanceof TooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw overLimit(input.room, input.language);
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') throw new AppError('payload_too_large', 'attachments.oneFile');
    if (cutOff(error)) throw interrupted();
    throw error;
  }
  if (!stored) throw new AppError('validation', 'errors.validation', { fields: { file: 'validation.required' } });
  return stored;
}
