import { Alert, Anchor, Button, Group, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconRotateClockwise, IconStar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../contracts/tickets';
import { api, ApiError } from '../../api/client';
import { formatDateTime } from '../../app/format';
import { useTicketMutation } from './useTickets';

const errorOf = (error: unknown, field: string) => (error instanceof ApiError ? (error.fields[field] ?? (Object.keys(error.fields).length ? undefined : error.message)) : undefined);

/** "Foi proposta uma solução": the customer confirms it (the ticket closes) or rejects it saying why. */
export function SolutionDecision({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const confirm = useTicketMutation(ticket.number, () => api.post<TicketView>(`/api/tickets/${ticket.number}/confirm`, {}));
  const reject = useTicketMutation(ticket.number, (text: string) => api.post<TicketView>(`/api/tickets/${ticket.number}/reject`, { comment: text }));
  const solution = ticket.articles.findLast((a) => a.kind === 'solution');

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="solution-title" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-4)' }}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <IconBulb size={28} color="var(--mantine-color-teal-8)" aria-hidden style={{ flexShrink: 0 }} />
        <Stack gap="sm" style={{ flex: 1 }}>
          <div>
            <Title order={2} size="h4" id="solution-title">
              {t('conversation.solution.title')}
            </Title>
            <Text size="sm">
              {solution
                ? t('conversation.solution.body', { name: solution.author.name, date: formatDateTime(solution.createdAt) })
                : t('conversation.solution.bodyPlain')}{' '}
              {solution && (
                <Anchor href={`#article-${solution.id}`} size="sm">
                  {t('conversation.solution.view')}
                </Anchor>
              )}
            </Text>
          </div>
          {(confirm.error || (reject.error && !errorOf(reject.error, 'comment'))) && (
            <Alert color="red" role="alert">
              {(confirm.error ?? reject.error)?.message}
            </Alert>
          )}
          {rejecting ? (
            <Stack gap="xs">
              <Textarea
                label={t('conversation.solution.rejectLabel')}
                autosize
                minRows={3}
                value={comment}
                required
                error={missing ? t('validation.required') : errorOf(reject.error, 'comment')}
                onChange={(e) => {
                  setComment(e.currentTarget.value);
                  setMissing(false);
                }}
                data-autofocus
                autoFocus
              />
              <Group gap="sm">
                <Button
                  color="red.9"
                  loading={reject.isPending}
                  onClick={() => {
                    if (!comment.trim()) return setMissing(true);
                    reject.mutate(comment, { onSuccess: () => notifications.show({ color: 'teal', message: t('conversation.solution.rejected') }) });
                  }}
                >
                  {t('conversation.solution.rejectSubmit')}
                </Button>
                <Button variant="default" onClick={() => setRejecting(false)}>
                  {t('conversation.cancel')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Group gap="sm">
              {ticket.actions.confirm && (
                <Button
                  color="teal.9"
                  loading={confirm.isPending}
                  onClick={() => confirm.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: t('conversation.solution.confirmed') }) })}
                >
                  {t('conversation.solution.confirm')}
                </Button>
              )}
              {ticket.actions.reject && (
                <Button variant="default" onClick={() => setRejecting(true)}>
                  {t('conversation.solution.reject')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** Closing asks for a rating: 1–5 stars and an optional comment, once. */
export function RateTicket({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const rate = useTicketMutation(ticket.number, (input: { score: number; comment?: string }) => api.post<TicketView>(`/api/tickets/${ticket.number}/rating`, input));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rating-title">
      <Stack gap="sm">
        <Group gap="xs">
          <IconStar size={22} color="var(--mantine-color-yellow-7)" aria-hidden />
          <Title order={2} size="h4" id="rating-title">
            {t('conversation.rating.title')}
          </Title>
        </Group>
        <Text size="sm">{t('conversation.rating.intro')}</Text>
        <div role="group" aria-labelledby="rating-score-label">
          <Text size="sm" fw={500} id="rating-score-label" mb={4}>
            {t('conversation.rating.score')}
          </Text>
          <Rating
            value={score}
            onChange={(value) => {
              setScore(value);
              setMissing(false);
            }}
            size="xl"
            getSymbolLabel={(value) => t('conversation.rating.stars', { n: value })}
          />
          {(missing || errorOf(rate.error, 'score')) && (
            <Text size="sm" c="red.8" role="alert" mt={4}>
              {missing ? t('validation.rating') : errorOf(rate.error, 'score')}
            </Text>
          )}
        </div>
        <Textarea label={t('conversation.rating.comment')} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={errorOf(rate.error, 'comment')} />
        <Group>
          <Button
            loading={rate.isPending}
            onClick={() => {
              if (score < 1) return setMissing(true);
              rate.mutate(
                { score, ...(comment.trim() ? { comment } : {}) },
                { onSuccess: () => notifications.show({ color: 'teal', message: t('conversation.rating.thanks') }) },
              );
            }}
          >
            {t('conversation.rating.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A closed ticket, within the allowed days: the requester reopens it, saying why. */
export function ReopenTicket({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const reopen = useTicketMutation(ticket.number, (text: string) => api.post<TicketView>(`/api/tickets/${ticket.number}/reopen`, { comment: text }));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="reopen-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="reopen-title">
          {t('conversation.reopen.title')}
        </Title>
        <Text size="sm">{t('conversation.reopen.intro')}</Text>
        {reopen.error && !errorOf(reopen.error, 'comment') && (
          <Alert color="red" role="alert">
            {reopen.error.message}
          </Alert>
        )}
        {open ? (
          <>
            <Textarea
              label={t('conversation.reopen.label')}
              autosize
              minRows={3}
              required
              autoFocus
              value={comment}
              error={missing ? t('validation.required') : errorOf(reopen.error, 'comment')}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                setMissing(false);
              }}
            />
            <Group gap="sm">
              <Button
                leftSection={<IconRotateClockwise size={16} aria-hidden />}
                loading={reopen.isPending}
                onClick={() => {
                  if (!comment.trim()) return setMissing(true);
                  reopen.mutate(comment, { onSuccess: () => notifications.show({ color: 'teal', message: t('conversation.reopen.done') }) });
                }}
              >
                {t('conversation.reopen.submit')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('conversation.cancel')}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button variant="default" leftSection={<IconRotateClockwise size={16} aria-hidden />} onClick={() => setOpen(true)}>
              {t('conversation.reopen.button')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
