import { z } from 'zod';
import { groupAssignment } from './assignment';
import { languages } from './languages';
import { emailAddress as email, isSafeLink, isValidCnpj, text } from './validation';
import { isCountryCode } from './countries';
import { grades, levels } from './criticality';
import { rowId } from './ids';

const name = text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' });
const id = rowId;
/** A label per language; Portuguese is required, the others fall back to it. */
export const localizedInput = z.object({
  'pt-BR': name,
  en: text().trim().max(200).optional(),
  es: text().trim().max(200).optional(),
});

const cnpj = text()
  .trim()
  .refine((v) => v === '' || isValidCnpj(v), { error: 'validation.cnpj' })
  .transform((v) => v.replace(/\D/g, '') || null);
const country = text().refine(isCountryCode, { error: 'validation.country' });

export const companyInput = z.object({
  name,
  cnpj: cnpj.optional(),
  country: country.default('BR'),
  firstAdmin: z.object({ name, email, language: z.enum(languages).default('pt-BR') }),
});
export const companyUpdate = z.object({ name: name.optional(), cnpj: cnpj.optional(), country: country.optional(), active: z.boolean().optional() });
export const companyView = z.object({
  id: z.number(),
  name: z.string(),
  cnpj: z.string().nullable(),
  country: z.string(),
  active: z.boolean(),
  serviceLineIds: z.array(z.number()),
  people: z.number(),
});
export const companyList = z.object({ companies: z.array(companyView) });
export const entitlementsInput = z.object({ serviceLineIds: z.array(id).max(500) });

export const catalogKinds = ['channel', 'service_line', 'module', 'routine', 'version', 'environment', 'effect', 'category', 'origin'] as const;
export type CatalogKind = (typeof catalogKinds)[number];

/**
 * What a catalog kind has: the kind it belongs to, labels per language, a code or key, help for the
 * ticket form, and (`portugueseName`) its Portuguese label kept in `name` too, unique within its parent.
 */
export type CatalogKindSpec = { parent?: CatalogKind; localized: boolean; code?: 'code' | 'key'; help?: boolean; portugueseName?: boolean };

/** Each kind's fields, read by the editor's routes and by its form alike. */
export const catalogKindSpecs: Record<CatalogKind, CatalogKindSpec> = {
  channel: { localized: true, code: 'key' },
  service_line: { parent: 'channel', localized: false, code: 'code' },
  module: { parent: 'service_line', localized: false },
  version: { parent: 'service_line', localized: false },
  environment: { parent: 'service_line', localized: true, portugueseName: true },
  routine: { parent: 'module', localized: false },
  effect: { localized: true },
  category: { localized: true, code: 'key', help: true },
  origin: { localized: true, code: 'key', help: true },
};

const helpText = text().trim().max(500, { error: 'validation.tooLong' }).optional();
/** The guide's explanation of a choice, per language; an empty one falls back to Portuguese, none at all shows no help. */
const localizedHelp = z.object({ 'pt-BR': helpText, en: helpText, es: helpText });

/** One catalog entry as the editor writes it; which fields apply depends on the kind. */
export const catalogEntryInput = z.object({
  name: name.optional(),
  names: localizedInput.optional(),
  code: text().trim().min(1).max(30).regex(/^[A-Z0-9_]+$/, { error: 'validation.code' }).optional(),
  key: text().trim().min(1).max(40).regex(/^[a-z0-9_]+$/, { error: 'validation.key' }).optional(),
  parentId: id.optional(),
  /** An effect's urgency. */
  urgency: z.enum(grades).optional(),
  /** Categories and origins: the help shown beside the ticket form's field; replaces that of every language. */
  help: localizedHelp.optional(),
  /** A category's criticality cap; null lifts it. */
  capLevel: z.enum(levels).nullable().optional(),
  /** A category only contacts with the Consultoria right may choose. */
  needsConsultingRight: z.boolean().optional(),
  /** An origin's impact. */
  impact: z.enum(grades).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});
export type CatalogEntryInput = z.input<typeof catalogEntryInput>;

/** One catalog entry as the editor reads it; fields a kind does not have are null. */
export const catalogEntryView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  /** The label in Portuguese, or the only label of the kinds not kept per language. */
  name: z.string(),
  names: z.record(z.string(), z.string()).nullable(),
  /** A service line's code, or the key of a channel, category or origin. */
  code: z.string().nullable(),
  urgency: z.enum(grades).nullable(),
  help: z.record(z.string(), z.string()).nullable(),
  capLevel: z.enum(levels).nullable(),
  needsConsultingRight: z.boolean().nullable(),
  impact: z.enum(grades).nullable(),
  position: z.number(),
  active: z.boolean(),
});
export type CatalogEntryView = z.infer<typeof catalogEntryView>;

/** A list of siblings in its new order: every entry of the list, each once. */
export const catalogOrderInput = z.object({ ids: z.array(id).min(1).max(1000) });

export const matrixInput = z.object({ matrix: z.record(z.enum(grades), z.record(z.enum(grades), z.enum(levels))) });

export const agentInput = z.object({ name, email, role: z.enum(['agent', 'admin']).default('agent'), language: z.enum(languages).default('pt-BR') });
/** A new e-mail waits for its owner's confirmation, and the old address may undo it, as a contact's. */
export const agentUpdate = z.object({ name: name.optional(), email: email.optional(), role: z.enum(['agent', 'admin']).optional(), active: z.boolean().optional() });
export const agentView = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(['agent', 'admin']), active: z.boolean(), groupIds: z.array(z.number()) });
/** An agent as system administrators list them: with whether the invitation still waits for a password, and a new e-mail awaiting confirmation. */
export const agentAdminView = agentView.extend({ invitationPending: z.boolean(), pendingEmail: z.string().nullable() });

export const groupInput = z.object({
  name,
  active: z.boolean().default(true),
  memberIds: z.array(text().max(100)).max(1000).default([]),
  serviceLineIds: z.array(id).max(500).default([]),
});
export const groupView = z.object({
  id: z.number(),
  name: z.string(),
  active: z.boolean(),
  memberIds: z.array(z.string()),
  serviceLineIds: z.array(z.number()),
  /** How its new tickets get an assignee (PUT /api/admin/groups/:id/assignment); always sent. */
  assignment: groupAssignment,
});

export const helpChannelInput = z.object({
  names: localizedInput,
  descriptions: localizedInput.partial().default({}),
  phone: text().trim().max(40).regex(/^[\d\s()+-]*$/, { error: 'validation.phone' }).optional(),
  option: text().trim().max(20).optional(),
  url: text().pipe(z.url({ error: 'validation.url' }).max(500).refine(isSafeLink, { error: 'validation.url' })).optional(),
  position: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
});

export const testMailInput = z.object({ to: email });
