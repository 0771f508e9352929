import { z } from 'zod';
import { localizedInput } from './admin';
import { maxRowId, revisionInput } from './ids';
import { text } from './validation';

const id = z.number({ error: 'validation.required' }).int().positive({ error: 'validation.required' }).max(maxRowId, { error: 'validation.notInList' });

/** An agent closes a ticket with a reason and, optionally, a public message to the customer. */
export const closeInput = z.object({
  revision: revisionInput,
  reasonId: id,
  message: text().trim().max(100_000, { error: 'validation.tooLong' }).optional(),
});
export type CloseInput = z.input<typeof closeInput>;

/** A close reason as an agent picks it: its name in the reader's language. */
export const closeReasonView = z.object({ id: z.number(), name: z.string(), notifyCustomer: z.boolean() });
export type CloseReasonView = z.infer<typeof closeReasonView>;

/** A close reason as the system administrator edits it. */
export const closeReasonAdminView = z.object({
  id: z.number(),
  /** Set on the reasons Atende uses itself (duplicate, no_response, spam): they cannot be removed, only renamed. */
  key: z.string().nullable(),
  names: z.record(z.string(), z.string()),
  notifyCustomer: z.boolean(),
  active: z.boolean(),
  position: z.number(),
});
export type CloseReasonAdminView = z.infer<typeof closeReasonAdminView>;

export const closeReasonInput = z.object({
  names: localizedInput,
  notifyCustomer: z.boolean().default(true),
  active: z.boolean().default(true),
  position: z.number({ error: 'validation.required' }).int().min(0).max(10_000).default(0),
});
export type CloseReasonInput = z.input<typeof closeReasonInput>;

/** A ticket waiting for the customer this many days is reminded once; as many days later it closes (0: never). */
export const closingSettings = z.object({
  waitingCustomerDays: z.number({ error: 'validation.required' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.invalid' }).max(365, { error: 'validation.invalid' }),
});
export type ClosingSettings = z.infer<typeof closingSettings>;

export const defaultWaitingCustomerDays = 7;
