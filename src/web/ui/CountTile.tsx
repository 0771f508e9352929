import { Paper, Text, type MantineSpacing } from '@mantine/core';

/** A count as a big number over its name (an outbox's failed mails, an import's rows); in red when it is `alarming`. */
export function CountTile({ value, label, alarming = false, padding = 'md', size = 28 }: { value: string; label: string; alarming?: boolean; padding?: MantineSpacing; size?: number }) {
  return (
    <Paper withBorder p={padding} radius="md" bg={alarming ? 'red.0' : undefined}>
      <Text fz={size} fw={700} lh={1.1} c={alarming ? 'red.9' : undefined}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}
