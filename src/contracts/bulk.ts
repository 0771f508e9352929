import { z } from 'zod';
import { maxRowId, revisionInput, rowId } from './ids';
import { text } from './validation';
import { maxTagsPerTicket, tagName } from './views';

/** Most tickets one bulk action changes: a page of a view. */
export const maxBulkRows = 100;

/** A selected ticket and the revision the agent saw it in: a change since makes that row 409. */
const bulkRow = z.object({ number: rowId, revision: revisionInput });

const rows = z
  .array(bulkRow, { error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .max(maxBulkRows)
  .refine((list) => new Set(list.map((r) => r.number)).size === list.length, { error: 'validation.invalid' });

/** The statuses an agent sets by hand (as a single edit). */
export const bulkStatuses = ['in_progress', 'waiting_customer', 'on_hold'] as const;

/** One action over a selection of tickets, told apart by `action`. */
export const bulkInput = z.discriminatedUnion('action', [
  /** `assigneeId` null: nobody. */
  z.object({ action: z.literal('assign'), rows, assigneeId: text().max(100).nullable() }),
  z.object({
    action: z.literal('transfer'),
    rows,
    groupId: rowId,
    note: text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(5000, { error: 'validation.tooLong' }),
  }),
  z.object({ action: z.literal('status'), rows, status: z.enum(bulkStatuses) }),
  z.object({ action: z.literal('tags'), rows, add: z.array(tagName).min(1, { error: 'validation.required' }).max(maxTagsPerTicket) }),
  /** Close with one of the administrator's reasons and, optionally, one public message to each. */
  z.object({
    action: z.literal('close'),
    rows,
    reasonId: z.number({ error: 'validation.required' }).int().positive({ error: 'validation.required' }).max(maxRowId, { error: 'validation.notInList' }),
    message: text().trim().max(100_000, { error: 'validation.tooLong' }).optional(),
  }),
  /** Link each as an incident of one problem ticket. */
  z.object({ action: z.literal('link'), rows, problemNumber: z.number({ error: 'validation.required' }).int().positive({ error: 'validation.required' }).max(maxRowId, { error: 'validation.notInList' }) }),
]);
export type BulkInput = z.input<typeof bulkInput>;
export type BulkAction = BulkInput['action'];

/** What happened to one row: applied, or why not (the code and status of the single edit's refusal, in the caller's language). */
export const bulkRowResult = z.union([
  z.object({ number: z.number(), ok: z.literal(true) }),
  z.object({
    number: z.number(),
    ok: z.literal(false),
    status: z.number(),
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
]);
export type BulkRowResult = z.infer<typeof bulkRowResult>;

export const bulkResult = z.object({
  results: z.array(bulkRowResult),
  applied: z.number(),
  failed: z.number(),
});
export type BulkResult = z.infer<typeof bulkResult>;
