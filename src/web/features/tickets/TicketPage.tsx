import { Alert, Anchor, Breadcrumbs, DataList, Grid, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowsExchange, IconFilePlus, IconMessage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { countryName } from '../../../contracts/countries';
import type { TicketView } from '../../../contracts/tickets';
import { ApiError } from '../../api/client';
import { formatDateTime, positiveInt } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageLoader } from '../../app/PageLoader';
import { usePageTitle } from '../../app/usePageTitle';
import { useTranslate, type Translate } from '../../app/useTranslate';
import { CriticalityReason } from './CriticalityReason';
import { CriticalityBadge, StatusBadge } from './TicketBadges';
import { useTicket } from './useTickets';

type TicketEvent = TicketView['history'][number];

/** One line of the history in words: "Chamado aberto por Carlos Contato", a change, or the kind. */
function eventText(event: TicketEvent, ticket: TicketView, translate: Translate, exists: (key: string) => boolean): string {
  // No actor: Atende itself did it (e.g. closing a ticket left unconfirmed).
  const name = event.actor?.name ?? translate('app.name');
  if (event.kind === 'opened') {
    return event.to && event.to === ticket.requester.id && event.actor?.id !== ticket.requester.id
      ? translate('ticketPage.events.openedOnBehalf', { name, requester: ticket.requester.name })
      : translate('ticketPage.events.opened', { name });
  }
  if (event.kind === 'assigned' && !event.to) return translate('ticketPage.events.unassigned', { name });
  if (['assigned', 'transferred', 'rated'].includes(event.kind)) {
    return translate(`ticketPage.events.${event.kind}`, { name, to: event.to ?? '—' });
  }
  if (event.field) {
    const label = exists(`tickets.fields.${event.field}`) ? translate(`tickets.fields.${event.field}`) : event.field;
    const value = (v: string | null) => {
      if (v === null || v === '') return '—';
      if (event.field === 'status' && exists(`tickets.statuses.${v}`)) return translate(`tickets.statuses.${v}`);
      if (event.field === 'criticality' && exists(`criticality.levels.${v}`)) return translate(`criticality.levels.${v}`);
      return v;
    };
    return translate('ticketPage.events.changed', { name, field: label, from: value(event.from), to: value(event.to) });
  }
  return translate('ticketPage.events.other', { name, kind: event.kind });
}

function eventIcon(event: TicketEvent): ReactNode {
  if (event.kind === 'opened') return <IconFilePlus size={14} aria-hidden />;
  if (event.field) return <IconArrowsExchange size={14} aria-hidden />;
  return <IconMessage size={14} aria-hidden />;
}

/** A titled card of the ticket page. */
function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** `/tickets/:number`: every field of a ticket, its incident text and its history. */
export function TicketPage() {
  const { t, i18n } = useTranslation();
  const translate = useTranslate();
  const number = positiveInt(useParams().number);
  const query = useTicket(number);
  const ticket = query.data;
  const missing = number === undefined || (query.error instanceof ApiError && query.error.status === 404);
  usePageTitle(ticket ? `#${ticket.number} — ${ticket.summary}` : missing ? t('ticketPage.notFound') : undefined);

  if (missing) {
    return (
      <Stack gap="sm">
        <Title order={1}>{t('ticketPage.notFound')}</Title>
        <Text>{t('ticketPage.notFoundHint')}</Text>
        <Anchor component={Link} to="/tickets">
          {t('ticketPage.backToList')}
        </Anchor>
      </Stack>
    );
  }
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  if (!ticket) return <PageLoader />;

  const language = currentLanguage();
  const exists = (key: string) => i18n.exists(key);
  const item = (label: string, value: ReactNode) => (
    <DataList.Item key={label}>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {/* Not a nav landmark: the left menu stays the page's one navigation. */}
        <Breadcrumbs separator="›">
          <Anchor component={Link} to="/tickets" size="sm">
            {t('nav.myTickets')}
          </Anchor>
          <Text size="sm" c="dimmed" aria-current="page">
            #{ticket.number}
          </Text>
        </Breadcrumbs>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          #{ticket.number} — {ticket.summary}
        </Title>
        <Group gap="xs">
          <StatusBadge status={ticket.status} size="lg" />
          <CriticalityBadge level={ticket.criticality} size="lg" />
          <Text size="sm" c="dimmed">
            {ticket.serviceLine.name} · {t('tickets.fields.updatedAt')}:{' '}
            <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt, language)}</time>
          </Text>
        </Group>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <Card title={t('tickets.fields.incident')}>
              {/* Plain text: line breaks kept, nothing interpreted as HTML. */}
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{ticket.incident}</Text>
            </Card>
            <Card title={t('tickets.fields.criticality')}>
              <Group align="flex-start" gap="md" wrap="nowrap">
                <CriticalityBadge level={ticket.criticality} size="lg" style={{ flexShrink: 0 }} />
                <CriticalityReason level={ticket.criticality} reason={ticket.criticalityReason} />
              </Group>
            </Card>
            <Card title={t('ticketPage.history')}>
              <Timeline bulletSize={26} lineWidth={2} active={ticket.history.length - 1} color="blue.8">
                {ticket.history.map((event) => (
                  <Timeline.Item key={event.id} bullet={eventIcon(event)} title={eventText(event, ticket, translate, exists)}>
                    {event.note && (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {event.note}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" component="time" dateTime={event.createdAt}>
                      {formatDateTime(event.createdAt, language)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Card title={t('ticketPage.details')}>
            <DataList
              gap="xs"
              withDivider
              // Fixed label column; long labels and values wrap instead of widening the page.
              styles={{ itemLabel: { flex: '0 0 8.5rem', minWidth: 0 }, itemValue: { minWidth: 0, overflowWrap: 'anywhere' } }}
            >
              {item(t('tickets.fields.number'), `#${ticket.number}`)}
              {item(t('tickets.fields.status'), t(`tickets.statuses.${ticket.status}`))}
              {item(t('tickets.fields.serviceLine'), ticket.serviceLine.name)}
              {item(t('tickets.fields.company'), ticket.company.name)}
              {item(t('tickets.fields.requester'), ticket.requester.name)}
              {ticket.openedBy.id !== ticket.requester.id && item(t('tickets.fields.openedBy'), ticket.openedBy.name)}
              {item(t('tickets.fields.country'), countryName(ticket.country, language))}
              {item(t('tickets.fields.category'), ticket.category.name)}
              {item(t('tickets.fields.origin'), ticket.origin.name)}
              {item(t('tickets.fields.effect'), ticket.effect.name)}
              {item(t('tickets.fields.module'), ticket.module.name)}
              {item(t('tickets.fields.routine'), ticket.routine.name)}
              {ticket.version && item(t('tickets.fields.version'), ticket.version.name)}
              {ticket.environment && item(t('tickets.fields.environment'), ticket.environment.name)}
              {item(
                t('tickets.fields.copies'),
                ticket.copies.length ? (
                  <List size="sm" listStyleType="none" spacing={2}>
                    {ticket.copies.map((email) => (
                      <List.Item key={email} style={{ overflowWrap: 'anywhere' }}>
                        {email}
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  t('ticketPage.noCopies')
                ),
              )}
              {item(t('tickets.fields.createdAt'), <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt, language)}</time>)}
              {item(t('tickets.fields.updatedAt'), <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt, language)}</time>)}
            </DataList>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
