import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconMessageExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../contracts/tickets';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../app/i18n';

/** The warning before a reply goes: these arrived while it was written. Send it anyway, or go back to it. */
export function NewerArticles({ articles, sending, onSend, onReview }: { articles: ArticleView[]; sending: boolean; onSend: () => void; onReview: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert" icon={<IconMessageExclamation size={18} aria-hidden />} title={t('live.newer.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('live.newer.hint')}</Text>
        {articles.map((a) => (
          <Stack key={a.id} gap={0}>
            <Text size="xs" c="dimmed">
              {a.author.name} · <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, currentLanguage())}</time>
            </Text>
            <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {a.body}
            </Text>
          </Stack>
        ))}
        <Group gap="sm">
          <Button size="xs" loading={sending} onClick={onSend}>
            {t('live.newer.sendAnyway')}
          </Button>
          <Button size="xs" variant="default" disabled={sending} onClick={onReview}>
            {t('live.newer.review')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
