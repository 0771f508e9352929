import { z } from 'zod';
import { bulkStatuses } from './bulk';
import { revisionInput, rowId, rowIdParam } from './ids';
import { ticketView } from './tickets';
import { text } from './validation';
import { maxTagsPerTicket, tagName } from './views';

/** What a macro's reply may say of the ticket it is applied to, as `{{requester.firstName}}`. */
export const macroVariables = [
  'requester.firstName',
  'requester.name',
  'company.name',
  'ticket.number',
  'ticket.summary',
  'group.name',
  'agent.firstName',
  'agent.name',
] as const;
export type MacroVariable = (typeof macroVariables)[number];

const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders of a text that name no known variable, each once, in order ("{{ticket.nmber}}" → "ticket.nmber"). */
export function unknownVariables(body: string): string[] {
  const names = [...body.matchAll(placeholder)].map((m) => m[1]!);
  return [...new Set(names.filter((name) => !(macroVariables as readonly string[]).includes(name)))];
}

/** A macro's text with each variable replaced by its value for a ticket. */
export function fillVariables(body: string, values: Record<MacroVariable, string>): string {
  return body.replace(placeholder, (whole, name: string) => ((macroVariables as readonly string[]).includes(name) ? values[name as MacroVariable] : whole));
}

export const macroShares = ['personal', 'group', 'all'] as const;
export type MacroShare = (typeof macroShares)[number];

export const maxMacroName = 100;
export const maxMacroBody = 20_000;

/** What a macro does to the ticket besides its reply: a status, tags to add, a group to transfer to. */
export const macroActionsInput = z.object({
  status: z.enum(bulkStatuses).nullable().optional(),
  tags: z.array(tagName).max(maxTagsPerTicket).optional(),
  groupId: rowId.nullable().optional(),
});

const fields = {
  name: text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(maxMacroName, { error: 'validation.tooLong' }),
  /** The reply, with variables; may be empty for a macro of actions only. */
  body: text().max(maxMacroBody, { error: 'validation.tooLong' }),
  actions: macroActionsInput,
  share: z.enum(macroShares),
  /** The group a `group` macro is shared with. */
  groupId: rowId.nullable(),
};

export const macroInput = z.object({
  name: fields.name,
  body: fields.body.default(''),
  actions: fields.actions.default({}),
  share: fields.share.default('personal'),
  groupId: fields.groupId.optional(),
});
export type MacroInput = z.input<typeof macroInput>;

/** A change to a macro, from the revision its editor saw. */
export const macroUpdate = z.object({
  revision: revisionInput,
  name: fields.name.optional(),
  body: fields.body.optional(),
  actions: fields.actions.optional(),
  share: fields.share.optional(),
  groupId: fields.groupId.optional(),
});

const named = z.object({ id: z.number(), name: z.string() });

/** A macro's actions as read: the group by name. */
export const macroActionsView = z.object({
  status: z.enum(bulkStatuses).nullable(),
  tags: z.array(z.string()),
  group: named.nullable(),
});
export type MacroActionsView = z.infer<typeof macroActionsView>;

export const macroView = z.object({
  id: z.number(),
  name: z.string(),
  body: z.string(),
  actions: macroActionsView,
  share: z.enum(macroShares),
  group: named.nullable(),
  owner: z.object({ id: z.string(), name: z.string() }),
  /** How many times it was applied; the picker shows the most used first. */
  usageCount: z.number(),
  revision: z.number(),
  /** Whether the caller may change or delete it. */
  editable: z.boolean(),
});
export type MacroView = z.infer<typeof macroView>;

export const macroList = z.object({
  macros: z.array(macroView),
  /** The groups the caller may share a macro with (their own; every group for the system administrator). */
  groups: z.array(named),
});
export type MacroList = z.infer<typeof macroList>;

/** A macro rendered for one ticket: the reply as it will be sent, and what it will change. */
export const renderedMacro = z.object({
  id: z.number(),
  name: z.string(),
  body: z.string(),
  actions: macroActionsView,
});
export type RenderedMacro = z.infer<typeof renderedMacro>;

export const macroTicketParams = z.object({ number: rowIdParam, id: rowIdParam });

/** Applying a macro's actions to a ticket as the agent saw it. */
export const applyMacroInput = z.object({ revision: revisionInput });

/** The ticket after a macro's actions, or null when a transfer took it out of the agent's reach. */
export const macroApplied = z.object({ ticket: ticketView.nullable() });
