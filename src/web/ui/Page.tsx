import { Stack, Text, Title, Group, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../app/usePageTitle';

/** The page's one h1, a line saying what the page is for, and its main actions on the right. */
export function PageHeader({ title, description, actions, above }: { title: string; description?: ReactNode; actions?: ReactNode; above?: ReactNode }) {
  usePageTitle(title);
  return (
    <Stack gap={4}>
      {above}
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={760}>
          <Title order={1}>{title}</Title>
          {description && <Text c="dimmed">{description}</Text>}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}

/** A section's heading (its `id` labels the section) with a line saying what the section is for. */
export function SectionHeading({ id, title, intro, order = 2, size = 'h3' }: { id: string; title: string; intro: ReactNode; order?: TitleOrder; size?: string }) {
  return (
    <div>
      <Title order={order} size={size} id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
    </div>
  );
}
