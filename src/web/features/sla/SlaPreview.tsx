import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { levels, type Level } from '../../../contracts/criticality';
import { slaTargetFields, type PolicyTargets } from '../../../contracts/sla-admin';
import { currentLanguage } from '../../app/i18n';
import { dueTime } from './slaFormat';
import { usePreview } from './useSlaAdmin';

/**
 * "Um chamado aberto agora, Alta, RM, venceria: …": the due times of the policy being edited for a
 * chosen criticality, computed by the server with the calendar arithmetic the clocks use.
 */
export function SlaPreview({ calendarId, targets, lines }: { calendarId: number | null; targets: PolicyTargets; lines: { id: number; name: string }[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [level, setLevel] = useState<Level>('high');
  const [lineId, setLineId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(targets[level], 400);
  const preview = usePreview(calendarId, debounced);
  const line = lines.find((l) => String(l.id) === lineId)?.name ?? t('slaAdmin.preview.anyLine');

  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0" component="section" aria-labelledby="sla-preview">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h5" id="sla-preview">
            {t('slaAdmin.preview.title')}
          </Title>
          <Group gap="xs">
            <Select size="xs" w={150} label={t('slaAdmin.preview.level')} data={levels.map((l) => ({ value: l, label: t(`criticality.levels.${l}`) }))} value={level} onChange={(v) => v && setLevel(v as Level)} allowDeselect={false} />
            <Select size="xs" w={170} label={t('slaAdmin.preview.line')} placeholder={t('slaAdmin.preview.anyLine')} clearable data={lines.map((l) => ({ value: String(l.id), label: l.name }))} value={lineId} onChange={setLineId} />
          </Group>
        </Group>
        {calendarId === null ? (
          <Text size="sm" c="dimmed">
            {t('slaAdmin.preview.chooseCalendar')}
          </Text>
        ) : (
          <div aria-live="polite" data-testid="sla-preview" style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }}>
            <Text size="sm" fw={600}>
              {t('slaAdmin.preview.sentence', { level: t(`criticality.levels.${level}`), line })}
            </Text>
            {preview.data && (
              <Stack gap={0} component="ul" m={0} pl="md">
                {slaTargetFields.map((field) => {
                  const due = preview.data[field];
                  const target = t(`slaAdmin.policies.target.${field}`);
                  return (
                    <Text component="li" size="sm" key={field}>
                      {due ? t('slaAdmin.preview.due', { target, time: dueTime(due, language) }) : t('slaAdmin.preview.noTarget', { target })}
                    </Text>
                  );
                })}
              </Stack>
            )}
            {preview.error && (
              <Text size="sm" c="red">
                {preview.error.message}
              </Text>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
