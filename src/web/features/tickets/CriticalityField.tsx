import { Box, Flex, Input, Paper, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CriticalityReason } from './CriticalityReason';
import { CriticalityBadge } from './TicketBadges';
import type { liveCriticality } from './ticketDraft';

/** "Criticidade": not editable, computed from category, origin and effect while the form is filled. */
export function CriticalityField({ live }: { live: ReturnType<typeof liveCriticality> }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Box>
      <Input.Label labelElement="div" id={labelId} mb={4}>
        {t('tickets.fields.criticality')}
      </Input.Label>
      <Paper role="status" aria-labelledby={labelId} bg="gray.0" withBorder p="md" radius="md">
        {live ? (
          <Flex direction={{ base: 'column', xs: 'row' }} align="flex-start" gap="md">
            <CriticalityBadge level={live.criticality.level} size="lg" style={{ flexShrink: 0 }} />
            <CriticalityReason level={live.criticality.level} reason={live.reason} />
          </Flex>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ticketForm.criticalityPending')}
          </Text>
        )}
      </Paper>
      <Text size="xs" c="dimmed" mt={4}>
        {t('ticketForm.criticalityHelp')}
      </Text>
    </Box>
  );
}
