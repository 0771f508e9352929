import { z } from 'zod';
import { languages } from './languages';
import { emailAddress as email, isValidCpf, text } from './validation';

const name = text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(120, { error: 'validation.tooLong' });
const phone = text().trim().max(40, { error: 'validation.tooLong' }).regex(/^[\d\s()+-]*$/, { error: 'validation.phone' });
const cpf = text()
  .trim()
  .refine((v) => v === '' || isValidCpf(v), { error: 'validation.cpf' })
  .transform((v) => v.replace(/\D/g, ''));

export const permissions = z.object({
  isPortalAdmin: z.boolean().default(false),
  seesAllTickets: z.boolean().default(false),
  mayRequestConsulting: z.boolean().default(false),
});

/** A portal administrator creates a contact of their company (product.md §1). */
export const contactInput = z.object({
  name,
  email,
  phone: phone.optional(),
  cpf: cpf.optional(),
  language: z.enum(languages, { error: 'validation.language' }).default('pt-BR'),
  ...permissions.shape,
});
export type ContactInput = z.input<typeof contactInput>;

/** Every field optional: what is sent changes. A new e-mail takes effect once its owner confirms it. */
export const contactUpdate = z.object({
  name: name.optional(),
  email: email.optional(),
  phone: phone.optional(),
  cpf: cpf.optional(),
  isPortalAdmin: z.boolean().optional(),
  seesAllTickets: z.boolean().optional(),
  mayRequestConsulting: z.boolean().optional(),
});

export const contactView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  pendingEmail: z.string().nullable(),
  phone: z.string().nullable(),
  cpf: z.string().nullable(),
  active: z.boolean(),
  isPortalAdmin: z.boolean(),
  seesAllTickets: z.boolean(),
  mayRequestConsulting: z.boolean(),
  /** Invited, no password set yet. */
  invitationPending: z.boolean(),
  /**
   * Also a contact of a company the reader does not administer: their name, e-mail, phone and
   * CPF are theirs (or a system administrator's) to change; phone, CPF and a pending e-mail are not shown.
   */
  sharedElsewhere: z.boolean(),
});
export type ContactView = z.infer<typeof contactView>;

export const contactList = z.object({ contacts: z.array(contactView), nextCursor: z.string().nullable() });
export const contactListQuery = z.object({
  q: text().trim().max(100).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(300).optional(),
});

export const importInput = z.object({ csv: text().min(1, { error: 'validation.required' }).max(5_000_000, { error: 'validation.tooLong' }) });
export const importRow = z.object({
  line: z.number(),
  name: z.string(),
  email: z.string(),
  /** `new` also for a person who already has an account: they are invited to join, and the file's author cannot tell. */
  status: z.enum(['new', 'unchanged', 'error']),
  errors: z.record(z.string(), z.string()),
});
export const importPreview = z.object({
  rows: z.array(importRow),
  counts: z.object({ new: z.number(), unchanged: z.number(), error: z.number() }),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const confirmEmailInput = z.object({ token: text().min(1).max(200) });
/** The link mailed to the old address when someone else changes a person's e-mail. */
export const undoEmailInput = confirmEmailInput;

/** A company's invitation to join it, as the invited person sees it (they have an account already). */
export const invitationView = z.object({
  id: z.string(),
  companyId: z.number(),
  companyName: z.string(),
  /** Who sent it, by name. */
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type InvitationView = z.infer<typeof invitationView>;
export const invitationList = z.object({ invitations: z.array(invitationView) });
export const adminLookupInput = z.object({ email });
