import { Anchor, Avatar, Badge, Group, Stack, Text } from '@mantine/core';
import { IconLock, IconPaperclip } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView, AttachmentView, TicketView } from '../../../contracts/tickets';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import classes from './Conversation.module.css';
import { fileSize } from './formatting';

/** The files of a message, as download links with their size. */
export function AttachmentLinks({ files }: { files: AttachmentView[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!files.length) return null;
  return (
    <Stack gap={4} mt="sm" component="ul" className={classes.files} aria-label={t('conversation.attachments')}>
      {files.map((file) => (
        <li key={file.id}>
          <Anchor href={`/api/attachments/${file.id}`} download={file.fileName} size="sm" className={classes.file}>
            <IconPaperclip size={14} aria-hidden />
            <span className={classes.fileName}>{file.fileName}</span>
            <Text span size="xs" c="dimmed">
              ({fileSize(file.size, language)})
            </Text>
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

type Message = {
  key: string;
  id?: number;
  author: { name: string; side: 'agent' | 'customer' };
  kind: ArticleView['kind'] | 'incident';
  internal: boolean;
  body: string;
  createdAt: string;
  attachments: AttachmentView[];
};

const kindColor: Record<Message['kind'], string> = {
  incident: 'gray',
  reply: 'blue',
  note: 'yellow.4',
  solution: 'teal.9',
  rejection: 'red.9',
  reopening: 'orange.4',
};

/** One message of the thread: customers and agents look different, internal notes unmistakably so. */
function MessageCard({ message }: { message: Message }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const labelId = `message-${message.key}`;
  const badge: ReactNode =
    message.kind === 'note' ? (
      <Badge color="yellow.4" autoContrast leftSection={<IconLock size={12} aria-hidden />} radius="sm">
        {t('conversation.kinds.note')}
      </Badge>
    ) : message.kind !== 'reply' ? (
      <Badge color={kindColor[message.kind]} variant={message.kind === 'incident' ? 'default' : 'filled'} autoContrast radius="sm">
        {t(`conversation.kinds.${message.kind}`)}
      </Badge>
    ) : null;
  return (
    <article
      id={message.id ? `article-${message.id}` : undefined}
      className={classes.message}
      data-side={message.author.side}
      data-kind={message.kind}
      data-internal={message.internal || undefined}
      aria-labelledby={labelId}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start" mb="xs">
        <Avatar radius="xl" size={36} color={message.internal ? 'yellow.4' : message.author.side === 'agent' ? 'blue.8' : 'gray.7'} variant="filled" autoContrast aria-hidden>
          {initials(message.author.name)}
        </Avatar>
        <div className={classes.who}>
          <Text fw={600} size="sm" id={labelId}>
            {message.author.name}
            <Text span size="xs" c="dimmed" fw={400}>
              {' · '}
              {t(`conversation.sides.${message.author.side}`)}
            </Text>
          </Text>
          <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt}>
            {formatDateTime(message.createdAt, language)}
          </Text>
        </div>
        {badge}
      </Group>
      {message.internal && (
        <Text size="xs" fw={600} c="gray.8" mb={4} className={classes.internalHint}>
          <IconLock size={12} aria-hidden /> {t('conversation.internalHint')}
        </Text>
      )}
      {/* Plain text: line breaks kept, nothing interpreted as HTML. */}
      <Text className={classes.body}>{message.body}</Text>
      <AttachmentLinks files={message.attachments} />
    </article>
  );
}

/** The conversation: the incident as the opening message, then every reply, solution and note in order. */
export function Conversation({ ticket }: { ticket: TicketView }) {
  const opener = ticket.openedBy;
  const messages: Message[] = [
    {
      key: 'incident',
      author: { name: opener.name, side: opener.id === ticket.requester.id ? 'customer' : 'agent' },
      kind: 'incident',
      internal: false,
      body: ticket.incident,
      createdAt: ticket.createdAt,
      attachments: [],
    },
    ...ticket.articles.map((a) => ({ ...a, key: String(a.id), author: { name: a.author.name, side: a.author.side } })),
  ];
  return (
    <Stack gap="md" component="ol" className={classes.thread}>
      {messages.map((message) => (
        <li key={message.key}>
          <MessageCard message={message} />
        </li>
      ))}
    </Stack>
  );
}
