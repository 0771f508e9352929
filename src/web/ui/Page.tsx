import { Button, Group, Paper, Stack, Text, Title, type MantineSpacing, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../app/usePageTitle';

/** A page's main act, as its header's filled button: "Nova empresa", "Convidar". */
export type PrimaryAction = { label: string; icon: ReactNode; onClick: () => void; disabled?: boolean };

/** The page's one h1, a line saying what the page is for, and its actions on the right, the `primary` one last. */
export function PageHeader({
  title,
  description,
  actions,
  primary,
  above,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  primary?: PrimaryAction;
  above?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Stack gap={4}>
      {above}
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={760}>
          <Title order={1}>{title}</Title>
          {description && <Text c="dimmed">{description}</Text>}
        </Stack>
        {(actions || primary) && (
          <Group gap="sm">
            {actions}
            {primary && (
              <Button leftSection={primary.icon} onClick={primary.onClick} disabled={primary.disabled}>
                {primary.label}
              </Button>
            )}
          </Group>
        )}
      </Group>
    </Stack>
  );
}

/** A page of the app: its header (see PageHeader), then its content, evenly spaced. */
export function Page({ children, ...header }: Parameters<typeof PageHeader>[0] & { children: ReactNode }) {
  return (
    <Stack gap="lg">
      <PageHeader {...header} />
      {children}
    </Stack>
  );
}

/** The grey box of a list's filters, a search landmark named `label`. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" bg="gray.0" component="section" role="search" aria-label={label}>
      {children}
    </Paper>
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

/** A bordered part of a page, named by its heading: an h2 (h4-sized unless told), with a line under it when there is `intro`. */
export function Panel({
  id,
  title,
  intro,
  size = 'h4',
  padding = 'lg',
  gap = 'sm',
  bg,
  maw,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  size?: string;
  padding?: MantineSpacing;
  gap?: MantineSpacing;
  bg?: string;
  maw?: number;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p={padding} radius="md" component="section" aria-labelledby={id} bg={bg} maw={maw}>
      <Stack gap={gap}>
        {intro ? (
          <SectionHeading id={id} title={title} intro={intro} size={size} />
        ) : (
          <Title order={2} size={size} id={id}>
            {title}
          </Title>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
