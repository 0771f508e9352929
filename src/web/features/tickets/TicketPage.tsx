import { Alert, Anchor, Breadcrumbs, Button, DataList, Grid, Group, List, Paper, Rating, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHourglass, IconMessageQuestion, IconPlayerTrackNext } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MeView } from '../../../contracts/auth';
import { countryName } from '../../../contracts/countries';
import type { TicketView } from '../../../contracts/tickets';
import { api, ApiError, ConflictError } from '../../api/client';
import { formatDateTime, positiveInt } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageLoader } from '../../app/PageLoader';
import { usePageTitle } from '../../app/usePageTitle';
import { useTranslate } from '../../app/useTranslate';
import { useMe } from '../auth/useMe';
import { PresenceBar } from '../live/PresenceBar';
import { usePresence } from '../live/usePresence';
import { ShortcutsHelp } from '../workspace/ShortcutsHelp';
import { pressControl, useShortcuts } from '../workspace/useShortcuts';
import { defaultView, nextTicket, rememberedView, viewPath } from '../workspace/useWorkspace';
import { CustomerSlaNote, TicketSlaPanel } from '../sla/TicketSlaPanel';
import { LinksPanel, MergedNotice } from '../links/LinksPanel';
import { useTicketLinks } from '../links/useLinks';
import { AgentActionsMenu, agentMenuActions, type ActionDialog } from './AgentActionsMenu';
import { AgentPanel } from './AgentPanel';
import { Composer, type ComposerMode } from './Composer';
import { Conversation } from './Conversation';
import { CriticalityReason } from './CriticalityReason';
import { RateTicket, ReopenTicket, SolutionDecision } from './CustomerActions';
import { CriticalityBadge, StatusBadge } from './TicketBadges';
import { eventIcon, eventText } from './ticketEvents';
import { useTicket, useTicketMutation } from './useTickets';

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

/** `/tickets/:number`: the conversation, what the reader may do next, every field and the history. */
export function TicketPage() {
  const { t } = useTranslation();
  const number = positiveInt(useParams().number);
  const me = useMe().data;
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
  // A failed refresh keeps showing the ticket already loaded; only a first failure replaces the page.
  if (query.isError && !ticket) return <Alert color="red">{query.error.message}</Alert>;
  if (!ticket || !me) return <PageLoader />;
  return <TicketScreen key={ticket.number} ticket={ticket} me={me} />;
}

function TicketScreen({ ticket, me }: { ticket: TicketView; me: MeView }) {
  const { t, i18n } = useTranslation();
  const translate = useTranslate();
  const navigate = useNavigate();
  const staff = me.staffRole !== null;
  const language = currentLanguage();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [help, setHelp] = useState(false);
  const [goingNext, setGoingNext] = useState(false);
  const [dialog, setDialog] = useState<ActionDialog | null>(null);
  const links = useTicketLinks(ticket, staff).data;
  const menu = staff ? agentMenuActions(ticket, links) : [];
  const textarea = useRef<HTMLTextAreaElement>(null);
  const presence = usePresence(ticket.number);
  const { actions } = ticket;
  const canWrite = actions.reply || actions.note;

  const take = useTicketMutation(ticket.number, (revision: number) => api.post<TicketView>(`/api/tickets/${ticket.number}/take`, { revision }));
  const takeIt = () =>
    take.mutate(ticket.revision, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('workspace.panel.taken') }),
      onError: (e) => notifications.show({ color: 'red', message: e instanceof ConflictError && e.changed.length ? t('conversation.conflict.takeStale') : e.message }),
    });

  const write = (next: ComposerMode) => {
    setMode(next);
    // After the mode switch renders: focus the box and bring it into view.
    requestAnimationFrame(() => {
      textarea.current?.focus({ preventScroll: true });
      textarea.current?.scrollIntoView({ block: 'center' });
    });
  };
  const goNext = async () => {
    setGoingNext(true);
    try {
      const next = await nextTicket(ticket.number);
      if (next) await navigate(`/tickets/${next}`);
      else notifications.show({ color: 'gray', message: t('workspace.noNext') });
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : t('errors.internal') });
    } finally {
      setGoingNext(false);
    }
  };

  // Only what the reader may do now: the help lists every key that works here.
  const shortcuts = useShortcuts([
    ...(actions.reply ? [{ keys: ['r'], label: t('workspace.shortcuts.reply'), run: () => write('reply') }] : []),
    ...(staff && actions.note ? [{ keys: ['i'], label: t('workspace.shortcuts.note'), run: () => write('note') }] : []),
    ...(actions.take ? [{ keys: ['t'], label: t('workspace.shortcuts.take'), run: () => (take.isPending ? false : takeIt()) }] : []),
    ...(staff ? [{ keys: ['n'], label: t('workspace.shortcuts.next'), run: () => void goNext() }] : []),
    ...menu.map((item) => ({ keys: [item.key], label: t(item.hint), run: () => setDialog(item.dialog) })),
    // The agent panel's controls, worked as a click would.
    ...(staff && actions.assign ? [{ keys: ['u'], label: t('shortcuts.assign'), run: () => pressControl('assign') }] : []),
    ...(staff && actions.setStatus ? [{ keys: ['s'], label: t('shortcuts.status'), run: () => pressControl('status') }] : []),
    ...(staff && actions.transfer ? [{ keys: ['g'], label: t('shortcuts.transfer'), run: () => pressControl('transfer') }] : []),
    ...(staff && actions.edit ? [{ keys: ['e'], label: t('shortcuts.classify'), run: () => pressControl('classify') }] : []),
    ...(staff && actions.edit ? [{ keys: ['p'], label: t('shortcuts.criticality'), run: () => pressControl('criticality') }] : []),
    ...(staff ? [{ keys: ['#'], label: t('shortcuts.tags'), run: () => pressControl('tags') }] : []),
    { keys: ['?'], label: t('workspace.shortcuts.help'), run: () => setHelp(true) },
  ]);

  const exists = (key: string) => i18n.exists(key);
  const remembered = staff ? rememberedView() : undefined;
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
          {staff ? (
            <Anchor component={Link} to={viewPath(remembered?.view ?? defaultView)} size="sm">
              {t('workspace.title')} · {t(`workspace.views.${remembered?.view ?? defaultView}`)}
            </Anchor>
          ) : (
            <Anchor component={Link} to="/tickets" size="sm">
              {t('nav.myTickets')}
            </Anchor>
          )}
          <Text size="sm" c="dimmed" aria-current="page">
            #{ticket.number}
          </Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            #{ticket.number} — {ticket.summary}
          </Title>
          <Group gap="xs" wrap="nowrap">
            {staff && (
              <Tooltip label={t('workspace.shortcuts.next')}>
                <Button variant="default" size="sm" leftSection={<IconPlayerTrackNext size={16} aria-hidden />} loading={goingNext} onClick={() => void goNext()} visibleFrom="sm">
                  {t('workspace.next')}
                </Button>
              </Tooltip>
            )}
            {staff && <AgentActionsMenu ticket={ticket} links={links} dialog={dialog} onDialog={setDialog} />}
            <ShortcutsHelp items={shortcuts} opened={help} onOpen={() => setHelp(true)} onClose={() => setHelp(false)} />
          </Group>
        </Group>
        <Group gap="xs">
          <StatusBadge status={ticket.status} size="lg" />
          <CriticalityBadge level={ticket.criticality} size="lg" />
          <Text size="sm" c="dimmed">
            {ticket.serviceLine.name} · {ticket.company.name} · {t('tickets.fields.updatedAt')}:{' '}
            <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt, language)}</time>
          </Text>
        </Group>
        {staff && <PresenceBar viewers={presence.viewers} />}
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <MergedNotice ticket={ticket} />
            {(actions.confirm || actions.reject) && <SolutionDecision ticket={ticket} />}
            {staff && ticket.status === 'solution_proposed' && (
              <Alert color="teal" variant="light" icon={<IconHourglass size={18} aria-hidden />}>
                {t('conversation.solution.waiting')}
              </Alert>
            )}
            <section aria-labelledby="conversation-title">
              <Title order={2} size="h4" mb="sm" id="conversation-title">
                {t('conversation.title')}
              </Title>
              <Conversation ticket={ticket} />
            </section>
            {actions.rate && <RateTicket ticket={ticket} />}
            {actions.reopen && <ReopenTicket ticket={ticket} />}
            {!staff && ticket.status === 'waiting_customer' && (
              <Alert color="orange" variant="light" icon={<IconMessageQuestion size={18} aria-hidden />}>
                {t('conversation.waitingYou')}
              </Alert>
            )}
            {canWrite ? (
              <Composer
                ticket={ticket}
                meId={me.id}
                isStaff={staff}
                mode={mode}
                onModeChange={setMode}
                textareaRef={textarea}
                onTyping={presence.typing}
                onSent={presence.idle}
              />
            ) : (
              ticket.status === 'closed' && (
                <Text size="sm" c="dimmed">
                  {t('conversation.closed')}
                </Text>
              )
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="lg">
            {staff && <AgentPanel ticket={ticket} me={me} onTake={takeIt} taking={take.isPending} />}
            {staff && ticket.sla && <TicketSlaPanel sla={ticket.sla} />}
            {!staff && <CustomerSlaNote sla={ticket.customerSla} />}
            {staff && <LinksPanel ticket={ticket} links={links} onReplyAll={() => setDialog('replyAll')} />}
            <Card title={t('tickets.fields.criticality')}>
              <Group align="flex-start" gap="md" wrap="nowrap">
                <CriticalityBadge level={ticket.criticality} size="lg" style={{ flexShrink: 0 }} />
                <CriticalityReason level={ticket.criticality} reason={ticket.criticalityReason} />
              </Group>
            </Card>
            <Card title={t('ticketPage.details')}>
              <DataList
                gap="xs"
                withDivider
                // Fixed label column; long labels wrap too (values do, theme.ts).
                styles={{ itemLabel: { flex: '0 0 8.5rem', minWidth: 0 } }}
              >
                {item(t('tickets.fields.number'), `#${ticket.number}`)}
                {item(t('tickets.fields.status'), t(`tickets.statuses.${ticket.status}`))}
                {ticket.closeReason && item(t('closing.reason'), ticket.closeReason.name)}
                {item(t('tickets.fields.serviceLine'), ticket.serviceLine.name)}
                {item(t('tickets.fields.company'), ticket.company.name)}
                {item(t('tickets.fields.requester'), ticket.requester.name)}
                {ticket.openedBy.id !== ticket.requester.id && item(t('tickets.fields.openedBy'), ticket.openedBy.name)}
                {!staff && item(t('ticketPage.fields.assignee'), ticket.assignee?.name ?? t('workspace.panel.nobody'))}
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
                {ticket.rating &&
                  item(
                    t('ticketPage.fields.rating'),
                    <Stack gap={2}>
                      <Rating value={ticket.rating.score} readOnly size="sm" aria-label={t('conversation.rating.stars', { n: ticket.rating.score })} />
                      <Text size="xs">{t('conversation.rating.stars', { n: ticket.rating.score })}</Text>
                      {ticket.rating.comment && (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {ticket.rating.comment}
                        </Text>
                      )}
                    </Stack>,
                  )}
                {item(t('tickets.fields.createdAt'), <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt, language)}</time>)}
                {item(t('tickets.fields.updatedAt'), <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt, language)}</time>)}
              </DataList>
            </Card>
            <Card title={t('ticketPage.history')}>
              <Timeline bulletSize={26} lineWidth={2} active={ticket.history.length - 1} color="blue.8">
                {ticket.history.map((event) => (
                  <Timeline.Item
                    key={event.id}
                    bullet={eventIcon(event)}
                    title={
                      <Text size="sm" fw={600} lh={1.35}>
                        {eventText(event, ticket, translate, exists)}
                      </Text>
                    }
                  >
                    {event.note && event.note !== 'auto' && (
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
      </Grid>
    </Stack>
  );
}
