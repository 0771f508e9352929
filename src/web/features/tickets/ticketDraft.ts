import type { ServiceLineForm } from '../../../contracts/catalog';
import { isCountryCode } from '../../../contracts/countries';
import { computeCriticality, describeCriticality, type Criticality } from '../../../contracts/criticality';
import { fieldErrors } from '../../../contracts/issues';
import { maxAdditionalEmails, openTicketInput, type OpenTicketInput } from '../../../contracts/tickets';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A company picked when an agent opens on a customer's behalf, kept so its name shows after a reload. */
export type PickedCompany = { id: number; name: string; country: string };

/** The ticket form as typed so far: what the browser keeps between reloads. */
export type TicketDraft = {
  companyId: number | null;
  onBehalf: boolean;
  behalfCompany: PickedCompany | null;
  requesterId: string | null;
  additionalEmails: string[];
  country: string | null;
  categoryId: number | null;
  originId: number | null;
  effectId: number | null;
  moduleId: number | null;
  routineId: number | null;
  versionId: number | null;
  environmentId: number | null;
  summary: string;
  incident: string;
};

/** The fields of the form, by the names the API uses for them. */
export type FieldName = Exclude<keyof OpenTicketInput, 'serviceLineId'>;

/** A fresh form: the only company and its country preselected; agents start on behalf of a customer. */
export function emptyDraft(form: ServiceLineForm): TicketDraft {
  const only = form.companies.length === 1 ? form.companies[0] : undefined;
  return {
    companyId: only?.id ?? null,
    onBehalf: form.canOpenOnBehalf,
    behalfCompany: null,
    requesterId: null,
    additionalEmails: [],
    country: only && isCountryCode(only.country) ? only.country : null,
    categoryId: null,
    originId: null,
    effectId: null,
    moduleId: null,
    routineId: null,
    versionId: null,
    environmentId: null,
    summary: '',
    incident: '',
  };
}

const has = (list: { id: number }[], id: unknown): id is number => typeof id === 'number' && list.some((item) => item.id === id);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * A stored draft read back against today's form: anything of the wrong type, or a choice the
 * catalog no longer offers, falls back to the empty value rather than reaching the server.
 */
export function restoreDraft(stored: unknown, form: ServiceLineForm): TicketDraft {
  const fresh = emptyDraft(form);
  if (!stored || typeof stored !== 'object') return fresh;
  const s = stored as Record<string, unknown>;
  const module = form.modules.find((m) => m.id === s.moduleId);
  const behalf = s.behalfCompany as PickedCompany | null | undefined;
  const validBehalf =
    form.canOpenOnBehalf && behalf && typeof behalf.id === 'number' && typeof behalf.name === 'string' && typeof behalf.country === 'string'
      ? { id: behalf.id, name: behalf.name, country: behalf.country }
      : null;
  const onBehalf = form.canOpenOnBehalf ? s.onBehalf !== false : false;
  return {
    companyId: form.canOpenOnBehalf ? (validBehalf?.id ?? null) : has(form.companies, s.companyId) ? s.companyId : fresh.companyId,
    onBehalf,
    behalfCompany: validBehalf,
    requesterId: form.canOpenOnBehalf && validBehalf && typeof s.requesterId === 'string' ? s.requesterId : null,
    additionalEmails: Array.isArray(s.additionalEmails)
      ? s.additionalEmails.filter((e): e is string => typeof e === 'string').slice(0, maxAdditionalEmails)
      : [],
    country: typeof s.country === 'string' && isCountryCode(s.country) ? s.country : fresh.country,
    categoryId: has(form.categories, s.categoryId) ? s.categoryId : null,
    originId: has(form.origins, s.originId) ? s.originId : null,
    effectId: has(form.effects, s.effectId) ? s.effectId : null,
    moduleId: module ? module.id : null,
    routineId: module && has(module.routines, s.routineId) ? s.routineId : null,
    versionId: has(form.versions, s.versionId) ? s.versionId : null,
    environmentId: has(form.environments, s.environmentId) ? s.environmentId : null,
    summary: text(s.summary),
    incident: text(s.incident),
  };
}

/** True when the person has typed or chosen something beyond the preselected values. */
export function isTouched(draft: TicketDraft, form: ServiceLineForm): boolean {
  return JSON.stringify(draft) !== JSON.stringify(emptyDraft(form));
}

/** The request body the draft stands for, before validation (missing choices stay undefined). */
export function draftToInput(draft: TicketDraft, form: ServiceLineForm): Record<string, unknown> {
  const orUndefined = <T>(value: T | null) => (value === null ? undefined : value);
  return {
    serviceLineId: form.serviceLine.id,
    companyId: orUndefined(draft.companyId),
    onBehalf: draft.onBehalf,
    requesterId: draft.onBehalf ? orUndefined(draft.requesterId) : undefined,
    additionalEmails: draft.additionalEmails,
    country: orUndefined(draft.country),
    categoryId: orUndefined(draft.categoryId),
    originId: orUndefined(draft.originId),
    effectId: orUndefined(draft.effectId),
    moduleId: orUndefined(draft.moduleId),
    routineId: orUndefined(draft.routineId),
    versionId: form.versions.length ? orUndefined(draft.versionId) : undefined,
    environmentId: form.environments.length ? orUndefined(draft.environmentId) : undefined,
    summary: draft.summary,
    incident: draft.incident,
  };
}

/** Whether the requester may open a Consultoria ticket: the company's right, or the chosen contact's. */
export type Rights = { mayRequestConsulting: boolean };

/**
 * Checks the draft with the same zod schema the server uses, plus what that schema leaves to the
 * catalog (a list the line uses is required; who the ticket is for). Returns the body to send or
 * the messages by field, in the person's language.
 */
export function validateDraft(
  draft: TicketDraft,
  form: ServiceLineForm,
  rights: Rights,
  t: Translate,
): { input: OpenTicketInput; errors: null } | { input: null; errors: Record<string, string> } {
  const parsed = openTicketInput.safeParse(draftToInput(draft, form));
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error, t);
  const required = t('validation.required');
  if (form.versions.length && draft.versionId === null) errors.versionId ??= required;
  if (form.environments.length && draft.environmentId === null) errors.environmentId ??= required;
  if (form.canOpenOnBehalf && !draft.onBehalf) errors.onBehalf ??= t('validation.staffOpensOnBehalf');
  if (draft.onBehalf || form.companies.length > 1) {
    if (draft.companyId === null) errors.companyId ??= required;
  }
  if (draft.onBehalf && draft.requesterId === null) errors.requesterId ??= required;
  const category = form.categories.find((c) => c.id === draft.categoryId);
  if (category?.needsConsultingRight && !rights.mayRequestConsulting) errors.categoryId ??= t('validation.consultingNotAllowed');
  if (parsed.success && Object.keys(errors).length === 0) return { input: parsed.data, errors: null };
  return { input: null, errors };
}

/** Only the address list: checked as it is typed, with the schema's own rule. */
export function emailErrors(emails: string[], t: Translate): Record<string, string> {
  const parsed = openTicketInput.shape.additionalEmails.safeParse(emails);
  if (parsed.success) return {};
  const byIndex = fieldErrors(parsed.error, t);
  return Object.fromEntries(Object.entries(byIndex).map(([key, message]) => [key === '_' ? 'additionalEmails' : `additionalEmails.${key}`, message]));
}

/** The level the system will give, computed live from the chosen category, origin and effect. */
export function liveCriticality(draft: TicketDraft, form: ServiceLineForm, t: Translate): { criticality: Criticality; reason: string } | null {
  const category = form.categories.find((c) => c.id === draft.categoryId);
  const origin = form.origins.find((o) => o.id === draft.originId);
  const effect = form.effects.find((e) => e.id === draft.effectId);
  if (!category || !origin || !effect) return null;
  const criticality = computeCriticality(
    {
      effect: { name: effect.name, urgency: effect.urgency },
      origin: { name: origin.name, impact: origin.impact },
      category: { name: category.name, cap: category.cap },
    },
    form.matrix,
  );
  return { criticality, reason: describeCriticality(criticality, t) };
}
