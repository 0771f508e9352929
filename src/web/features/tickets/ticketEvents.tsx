import { IconArrowsExchange, IconFilePlus, IconMessage, IconStar, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { TicketView } from '../../../contracts/tickets';
import type { ChangeSeen } from '../../api/client';
import type { Translate } from '../../app/useTranslate';

export type TicketEvent = TicketView['history'][number];

/** A field's label: the ticket form's own, else the conversation's (Responsável, Grupo…), else the raw name. */
export function fieldName(field: string, translate: Translate, exists: (key: string) => boolean): string {
  for (const key of [`tickets.fields.${field}`, `ticketPage.fields.${field}`]) if (exists(key)) return translate(key);
  return field;
}

/** A changed value in words: statuses and levels translated, nothing as "—". */
export function fieldValue(field: string | null, value: string | null, translate: Translate, exists: (key: string) => boolean): string {
  if (value === null || value === '') return '—';
  if (field === 'status' && exists(`tickets.statuses.${value}`)) return translate(`tickets.statuses.${value}`);
  if (field === 'criticality' && exists(`criticality.levels.${value}`)) return translate(`criticality.levels.${value}`);
  return value;
}

/** One line of the history in words: "Chamado aberto por Carlos Contato", a change, or the kind. */
export function eventText(event: TicketEvent, ticket: TicketView, translate: Translate, exists: (key: string) => boolean): string {
  // No actor: Atende itself did it (e.g. closing a ticket left unconfirmed).
  const name = event.actor?.name ?? translate('app.name');
  if (event.kind === 'opened') {
    return event.to && event.to === ticket.requester.id && event.actor?.id !== ticket.requester.id
      ? translate('ticketPage.events.openedOnBehalf', { name, requester: ticket.requester.name })
      : translate('ticketPage.events.opened', { name });
  }
  // A feature's own kinds ("closing.closed", "links.merged_into") read from that feature's messages.
  const [feature, own] = event.kind.split('.');
  if (own && exists(`${feature}.events.${own}`)) return translate(`${feature}.events.${own}`, { name, to: event.to ?? '—' });
  if (event.kind === 'assigned' && !event.to) return translate('ticketPage.events.unassigned', { name });
  if (event.kind === 'assigned' && event.actor && event.to === event.actor.name) return translate('ticketPage.events.took', { name });
  if (['assigned', 'transferred', 'rated'].includes(event.kind)) {
    return translate(`ticketPage.events.${event.kind}`, { name, to: event.to ?? '—' });
  }
  if (event.field) {
    return translate('ticketPage.events.changed', {
      name,
      field: fieldName(event.field, translate, exists),
      from: fieldValue(event.field, event.from, translate, exists),
      to: fieldValue(event.field, event.to, translate, exists),
    });
  }
  return translate('ticketPage.events.other', { name, kind: event.kind });
}

/** What a 409 says changed, in words: "André Analista alterou Situação: Novo → Em atendimento". */
export function changeText(change: ChangeSeen, translate: Translate, exists: (key: string) => boolean): string {
  return translate('ticketPage.events.changed', {
    name: change.by,
    field: fieldName(change.field, translate, exists),
    from: fieldValue(change.field, change.from, translate, exists),
    to: fieldValue(change.field, change.to, translate, exists),
  });
}

export function eventIcon(event: TicketEvent): ReactNode {
  if (event.kind === 'opened') return <IconFilePlus size={14} aria-hidden />;
  if (event.kind === 'assigned') return <IconUserCheck size={14} aria-hidden />;
  if (event.kind === 'rated') return <IconStar size={14} aria-hidden />;
  if (event.field) return <IconArrowsExchange size={14} aria-hidden />;
  return <IconMessage size={14} aria-hidden />;
}
