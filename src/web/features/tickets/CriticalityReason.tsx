import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Level } from '../../../contracts/criticality';

/**
 * The reason of a criticality ("Alta: Efeito … → urgência média; Origem … → impacto alto")
 * without the level it starts with, which the badge beside it already shows: one line a cause.
 */
export function CriticalityReason({ level, reason }: { level: Level; reason: string }) {
  const { t } = useTranslation();
  const prefix = `${t(`criticality.levels.${level}`)}: `;
  const parts = (reason.startsWith(prefix) ? reason.slice(prefix.length) : reason).split('; ').filter(Boolean);
  if (parts.length < 2) return <Text size="sm">{parts[0] ?? reason}</Text>;
  return (
    <List size="sm" spacing={2}>
      {parts.map((part) => (
        <List.Item key={part}>{part}</List.Item>
      ))}
    </List>
  );
}
