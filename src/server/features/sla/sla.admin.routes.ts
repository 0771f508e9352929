import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addBusinessMinutes } from '../../../contracts/calendar';
import { conflictBody, errorBody } from '../../../contracts/errors';
import { rowIdParam } from '../../../contracts/ids';
import {
  calendarInput,
  calendarUpdate,
  calendarView,
  escalationInput,
  escalationView,
  holidayListView,
  holidaysQuery,
  icsInput,
  icsView,
  policyInput,
  policyOrderInput,
  policyUpdate,
  policyView,
  previewInput,
  previewView,
  regionsView,
  slaTargetFields,
  supportTierInput,
  supportTiersView,
} from '../../../contracts/sla-admin';
import { invalidFields, notFound } from '../../lib/errors';
import { requireSystemAdmin } from '../../plugins/session';
import { escalationContacts, setEscalationContacts, setSupportTier, supportTiers } from './sla.admin.contacts';
import {
  createCalendar,
  createPolicy,
  deleteCalendar,
  holidaysWithScope,
  presentCalendars,
  presentPolicies,
  reorderPolicies,
  uniqueName,
  updateCalendar,
  updatePolicy,
} from './sla.admin.service';
import { cityChoices, IcsError, parseIcsHolidays, stateChoices } from './sla.holidays';
import { loadSlaSetup } from './sla.setup';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: conflictBody };
const params = z.object({ id: rowIdParam });
const tags = ['admin', 'sla'];

/**
 * The system administrator's side of service levels: business calendars (hours, holidays by name,
 * ICS import), the ordered SLA policies, a preview of due times, companies' support tiers and
 * groups' escalation contacts. Every edit is conditional on what its editor saw (409 otherwise),
 * bumps the SLA setup version in its transaction (clocks are recomputed in the background) and is audited.
 */
export async function slaAdminRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const oneCalendar = async (id: number) => {
    const [calendar] = await presentCalendars(db, id);
    if (!calendar) throw notFound();
    return calendar;
  };
  const onePolicy = async (id: number) => {
    const [policy] = await presentPolicies(db, id);
    if (!policy) throw notFound();
    return policy;
  };

  r.get('/api/admin/sla/calendars', { schema: { tags, summary: 'Business calendars with their hours and own holidays', response: { 200: z.object({ calendars: z.array(calendarView) }), ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    return { calendars: await presentCalendars(db) };
  });

  r.post('/api/admin/sla/calendars', { schema: { tags, summary: 'Create a calendar', body: calendarInput, response: { 201: calendarView, ...errors } } }, async (request, reply) => {
    const actor = requireSystemAdmin(request);
    const id = await db.transaction().execute((trx) => createCalendar(trx, actor, request.body)).catch(uniqueName);
    return reply.status(201).send(await oneCalendar(id));
  });

  r.put('/api/admin/sla/calendars/:id', { schema: { tags, summary: 'Replace a calendar (from the revision seen)', params, body: calendarUpdate, response: { 200: calendarView, ...errors } } }, async (request) => {
    const actor = requireSystemAdmin(request);
    await db.transaction().execute((trx) => updateCalendar(trx, actor, request.params.id, request.body)).catch(uniqueName);
    return oneCalendar(request.params.id);
  });

  r.delete(
    '/api/admin/sla/calendars/:id',
    { schema: { tags, summary: 'Delete a calendar no policy uses (from the revision seen)', params, querystring: z.object({ revision: z.coerce.number().int().min(0) }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      await db.transaction().execute((trx) => deleteCalendar(trx, actor, request.params.id, request.query.revision));
      return reply.status(204).send(null);
    },
  );

  r.get('/api/admin/sla/holidays', { schema: { tags, summary: "The library's holidays of a year, national, of a state and of a city, by name", querystring: holidaysQuery, response: { 200: holidayListView, ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    const { year, state, city } = request.query;
    if (state && !stateChoices().some((s) => s.code === state)) throw invalidFields({ state: 'validation.notInList' });
    if (city && (!state || !cityChoices(state).some((c) => c.code === city))) throw invalidFields({ city: 'validation.notInList' });
    return holidaysWithScope(year, state, city);
  });

  r.get('/api/admin/sla/regions', { schema: { tags, summary: 'The states and cities whose holidays a calendar may add', response: { 200: regionsView, ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    return { states: stateChoices().map((s) => ({ ...s, cities: cityChoices(s.code) })) };
  });

  r.post('/api/admin/sla/ics', { schema: { tags, summary: "An ICS file's days, for a calendar's own holidays", body: icsInput, response: { 200: icsView, ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    try {
      return { holidays: parseIcsHolidays(request.body.text) };
    } catch (error) {
      if (error instanceof IcsError) throw invalidFields({ text: 'validation.ics' });
      throw error;
    }
  });

  r.get('/api/admin/sla/policies', { schema: { tags, summary: 'SLA policies in the order they are tried', response: { 200: z.object({ policies: z.array(policyView) }), ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    return { policies: await presentPolicies(db) };
  });

  r.post('/api/admin/sla/policies', { schema: { tags, summary: 'Add a policy at the end of the list', body: policyInput, response: { 201: policyView, ...errors } } }, async (request, reply) => {
    const actor = requireSystemAdmin(request);
    const id = await db.transaction().execute((trx) => createPolicy(trx, actor, request.body));
    return reply.status(201).send(await onePolicy(id));
  });

  r.put('/api/admin/sla/policies/order', { schema: { tags, summary: 'Put every policy in a new order (each from the revision seen)', body: policyOrderInput, response: { 200: z.object({ policies: z.array(policyView) }), ...errors } } }, async (request) => {
    const actor = requireSystemAdmin(request);
    await db.transaction().execute((trx) => reorderPolicies(trx, actor, request.body.policies));
    return { policies: await presentPolicies(db) };
  });

  r.put('/api/admin/sla/policies/:id', { schema: { tags, summary: 'Replace a policy (from the revision seen)', params, body: policyUpdate, response: { 200: policyView, ...errors } } }, async (request) => {
    const actor = requireSystemAdmin(request);
    await db.transaction().execute((trx) => updatePolicy(trx, actor, request.params.id, request.body));
    return onePolicy(request.params.id);
  });

  r.post('/api/admin/sla/preview', { schema: { tags, summary: 'When a ticket opened now (or at `at`) would be due with these targets on a calendar', body: previewInput, response: { 200: previewView, ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    const { calendarId, targets } = request.body;
    const calendar = (await loadSlaSetup(db)).calendars.get(calendarId)?.calendar;
    if (!calendar) throw invalidFields({ calendarId: 'validation.notInList' });
    const at = request.body.at ? new Date(request.body.at) : new Date();
    const due = (minutes: number | null) => (minutes === null ? null : addBusinessMinutes(calendar, at, minutes).toISOString());
    return { at: at.toISOString(), ...(Object.fromEntries(slaTargetFields.map((field) => [field, due(targets[field])])) as Record<(typeof slaTargetFields)[number], string | null>) };
  });

  r.get('/api/admin/sla/support-tiers', { schema: { tags, summary: "Every company's support tier, and the tiers in use", response: { 200: supportTiersView, ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    return supportTiers(db);
  });

  r.put('/api/admin/sla/support-tiers/:id', { schema: { tags, summary: "Set a company's support tier (from the one seen)", params, body: supportTierInput, response: { 200: supportTiersView, ...errors } } }, async (request) => {
    const actor = requireSystemAdmin(request);
    const { supportTier, previous } = request.body;
    await db.transaction().execute((trx) => setSupportTier(trx, actor, request.params.id, supportTier, previous));
    return supportTiers(db);
  });

  r.get('/api/admin/sla/escalation', { schema: { tags, summary: "Every group's escalation contacts", response: { 200: escalationView, ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    return escalationContacts(db);
  });

  r.put('/api/admin/sla/escalation/:id', { schema: { tags, summary: "Replace a group's escalation contacts (from those seen)", params, body: escalationInput, response: { 200: escalationView, ...errors } } }, async (request) => {
    const actor = requireSystemAdmin(request);
    const { personIds, previous } = request.body;
    await db.transaction().execute((trx) => setEscalationContacts(trx, actor, request.params.id, personIds, previous, db.dialectName));
    return escalationContacts(db);
  });
}
