import { ActionIcon, Alert, Anchor, Button, Group, List, Paper, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconArrowMerge, IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LinkedTicketView, TicketLinksView } from '../../../contracts/links';
import type { TicketView } from '../../../contracts/tickets';
import { errorText } from '../../ui/forms';
import { notifyDone } from '../../ui/notify';
import { StatusBadge } from '../tickets/TicketBadges';
import { parseNumbers, useLinkIncidents, useUnlinkTicket } from './useLinks';

/** Everyone reading a merged duplicate: where it went ("mesclado no chamado #N"). */
export function MergedNotice({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  if (!ticket.mergedInto) return null;
  const { number } = ticket.mergedInto;
  return (
    <Alert color="blue" variant="light" icon={<IconArrowMerge size={18} aria-hidden />} role="status">
      {t('links.mergedInto', { number })}{' '}
      <Anchor component={Link} to={`/tickets/${number}`}>
        {t('links.mergedIntoLink', { number })}
      </Anchor>
    </Alert>
  );
}

function LinkedList({ ticket, title, items, canUnlink }: { ticket: TicketView; title: string; items: LinkedTicketView[]; canUnlink: boolean }) {
  const { t } = useTranslation();
  const unlink = useUnlinkTicket(ticket.number);
  if (!items.length) return null;
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
        {title}
      </Text>
      <List listStyleType="none" spacing={6} aria-label={title}>
        {items.map((item) => (
          <List.Item key={item.number}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Anchor component={Link} to={`/tickets/${item.number}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                #{item.number} — {item.summary}
              </Anchor>
              <Group gap={4} wrap="nowrap">
                <StatusBadge status={item.status} size="sm" />
                {canUnlink && (
                  <Tooltip label={t('links.unlink', { number: item.number })}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t('links.unlink', { number: item.number })}
                      loading={unlink.isPending && unlink.variables === item.number}
                      onClick={() => unlink.mutate(item.number, { onSuccess: () => notifyDone(t('links.unlinked', { number: item.number })) })}
                    >
                      <IconLinkOff size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
            {item.company.id !== ticket.company.id && (
              <Text size="xs" c="dimmed">
                {item.company.name}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      {unlink.error && <Text size="sm" c="red.8">{errorText(unlink.error, t('errors.internal'))}</Text>}
    </div>
  );
}

/** Incidents typed by number and linked to this problem at once; says which were not and why. */
function BulkIncidents({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const link = useLinkIncidents(ticket.number);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failures, setFailures] = useState<{ number: number; message: string }[]>([]);
  const submit = () => {
    const numbers = parseNumbers(text);
    if (!numbers) return setError(t('links.bulk.invalid'));
    link.mutate(numbers, {
      onSuccess: ({ results }) => {
        const failed = results.filter((r) => !r.ok).map((r) => ({ number: r.number, message: r.error?.message ?? '' }));
        notifyDone(t('links.bulk.done', { ok: results.length - failed.length, failed: failed.length }));
        setFailures(failed);
        setText(failed.map((f) => f.number).join(', '));
      },
      onError: (e) => setError(errorText(e, t('errors.internal'))),
    });
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('links.bulk.label')}
          description={t('links.bulk.help')}
          autosize
          minRows={1}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end">
          <Button type="submit" size="compact-sm" variant="default" loading={link.isPending}>
            {t('links.bulk.submit')}
          </Button>
        </Group>
        {failures.length > 0 && (
          <List size="sm" c="red.8" aria-live="polite">
            {failures.map((f) => (
              <List.Item key={f.number}>{t('links.bulk.failed', f)}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </form>
  );
}

/** The agent's card of linked tickets: related, the problem, the incidents (linked in bulk here), each unlinkable. */
export function LinksPanel({ ticket, links, onReplyAll }: { ticket: TicketView; links: TicketLinksView | undefined; onReplyAll: () => void }) {
  const { t } = useTranslation();
  const canLink = ticket.actions.link;
  const empty = !links || (!links.related.length && !links.problem && !links.incidents.length);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="links-title">
      <Title order={2} size="h4" mb="sm" id="links-title">
        {t('links.title')}
      </Title>
      <Stack gap="md">
        {empty && (
          <Text size="sm" c="dimmed">
            {t('links.none')}
          </Text>
        )}
        {links && (
          <>
            <LinkedList ticket={ticket} title={t('links.problem')} items={links.problem ? [links.problem] : []} canUnlink={canLink} />
            <LinkedList ticket={ticket} title={t('links.related')} items={links.related} canUnlink={canLink} />
            <LinkedList ticket={ticket} title={t('links.incidents')} items={links.incidents} canUnlink={canLink} />
            {links.incidents.length > 0 && ticket.actions.reply && (
              <Button size="compact-sm" onClick={onReplyAll}>
                {t('links.replyAll.action')}
              </Button>
            )}
          </>
        )}
        {canLink && !links?.problem && <BulkIncidents ticket={ticket} />}
      </Stack>
    </Paper>
  );
}
