import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerSlaView, SlaState, TicketSlaView } from '../../../contracts/sla';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { SlaCountdown } from './SlaCountdown';
import { dueTime } from './slaFormat';
import { useTranslate, type Translate } from '../../app/useTranslate';
import { ticketStatuses, type TicketStatus } from '../../../contracts/tickets';

const stateColor: Record<SlaState, string> = { running: 'blue', paused: 'gray', met: 'teal', breached: 'red' };

/**
 * The ticket page's service level, for agents: the policy and calendar, each target with its state
 * (running with its countdown, paused, met, breached) and times, and the history of pauses.
 */
export function TicketSlaPanel({ sla }: { sla: TicketSlaView }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const language = currentLanguage();
  const ids = 'ticket-sla-title';
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={ids} data-testid="ticket-sla">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={ids}>
            {t('slaWeb.panel.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {sla.policy ? t('slaWeb.panel.policy', { policy: sla.policy.name, calendar: sla.calendar?.name ?? '—' }) : t('slaWeb.panel.noPolicy')}
          </Text>
        </div>
        {sla.targets.length > 0 && (
          <Table verticalSpacing={6} horizontalSpacing={4} aria-labelledby={ids}>
            <Table.Tbody>
              {sla.targets.map((target) => (
                <Table.Tr key={`${target.target}:${target.cycle}`} data-target={target.target} data-state={target.state}>
                  <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={600}>
                      {t(`sla.targets.${target.target}`)}
                      {target.target === 'next_response' && target.cycle > 1 ? ` (${target.cycle})` : ''}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Group gap={6}>
                        <Badge size="sm" variant="light" color={stateColor[target.state]} c="dark.9" tt="none">
                          {t(`sla.states.${target.state}`)}
                        </Badge>
                        {(target.state === 'running' || target.state === 'breached') && !target.metAt && (
                          <SlaCountdown clock={{ dueAt: target.dueAt, warnAt: target.warnAt, breachedAt: target.breachedAt }} />
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {target.metAt
                          ? t('slaWeb.panel.metAt', { time: formatDateTime(target.metAt, language), due: formatDateTime(target.dueAt, language) })
                          : target.state === 'paused'
                            ? t('slaWeb.panel.pausedDue')
                            : t('slaWeb.panel.dueAt', { time: formatDateTime(target.dueAt, language) })}
                      </Text>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {sla.pauses.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('slaWeb.panel.pauses')}
            </Text>
            <List size="sm" spacing={2} data-testid="sla-pauses">
              {sla.pauses.map((pause) => (
                <List.Item key={pause.startedAt}>
                  {pause.endedAt
                    ? t('slaWeb.panel.pause', { from: formatDateTime(pause.startedAt, language), to: formatDateTime(pause.endedAt, language), status: statusName(translate, pause.status) })
                    : t('slaWeb.panel.pauseOpen', { from: formatDateTime(pause.startedAt, language), status: statusName(translate, pause.status) })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** A ticket status in words; one this version does not know, as it came. */
const statusName = (t: Translate, status: string) => (ticketStatuses.includes(status as TicketStatus) ? t(`tickets.statuses.${status}`) : status);

/** The customer's only view of the service level: "Primeira resposta prevista até ter., 14:00", while it is pending. */
export function CustomerSlaNote({ sla }: { sla: CustomerSlaView | undefined }) {
  const { t } = useTranslation();
  if (!sla?.firstResponseDueAt) return null;
  return (
    <Alert variant="light" color="blue" icon={<IconClockHour4 size={18} aria-hidden />} data-testid="customer-sla">
      {t('slaWeb.customer.firstResponse', { time: dueTime(sla.firstResponseDueAt, currentLanguage()) })}
    </Alert>
  );
}
