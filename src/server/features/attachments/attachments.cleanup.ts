import type { AppContext } from '../../context';
import { inlineLimit } from '../../db/limit';
import { attachmentStore } from './attachments.storage';

/** An upload not attached to a reply or note within a day is deleted. */
export const unusedUploadHours = 24;

/**
 * Deletes the uploads never attached to a reply or note within `unusedUploadHours` (and those whose
 * bytes never all arrived), rows and files, up to 500 a run. Each row goes in a DELETE … RETURNING,
 * so with several processes running the job each upload is deleted, and its file removed, once.
 * Returns how many were deleted.
 */
export async function removeUnusedUploads(ctx: Pick<AppContext, 'db' | 'config'>): Promise<number> {
  const { db, config } = ctx;
  const cutoff = new Date(Date.now() - unusedUploadHours * 3600_000).toISOString();
  const unused = db
    .selectFrom('attachment')
    .select('id')
    .where('article_id', 'is', null)
    .where('created_at', '<', cutoff)
    .limit(inlineLimit(500));
  const deleted = await db.deleteFrom('attachment').where('id', 'in', unused).where('article_id', 'is', null).returning('storage_key').execute();
  const store = attachmentStore(config);
  for (const { storage_key } of deleted) await store.remove(storage_key);
  return deleted.length;
}
