import { Alert, Box, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PageLoader } from '../app/PageLoader';

/** A query's loading and failure states; its content once loaded. */
export function Loaded<T>({ query, children }: { query: { data: T | undefined; error: Error | null; isPending: boolean }; children: (data: T) => ReactNode }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isPending) return <PageLoader />;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />}>
      {query.error?.message}
    </Alert>
  );
}

/** What a list needs to know of its query; the paging part only for lists loaded page by page. */
export type ListQuery = {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  isPlaceholderData: boolean;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage?: () => Promise<unknown>;
};

/** An empty list: a sentence, under an icon when there is one. */
export function EmptyState({ icon, color = 'gray', text }: { icon?: ReactNode; color?: string; text: string }) {
  return (
    <Paper withBorder p="xl">
      <Stack align="center" gap="xs" ta="center">
        {icon && (
          <ThemeIcon variant="light" color={color} size={48} radius="xl">
            {icon}
          </ThemeIcon>
        )}
        <Text fw={600}>{text}</Text>
      </Stack>
    </Paper>
  );
}

/**
 * A list's states: loading, failed, empty (`emptyText`, under `emptyIcon`), or its content — dimmed
 * while the results of new filters are on their way — and then a button to load the next page.
 */
export function ListStates({
  query,
  empty,
  emptyIcon,
  emptyColor,
  emptyText,
  loadMoreLabel,
  children,
}: {
  query: ListQuery;
  empty: boolean;
  emptyIcon?: ReactNode;
  emptyColor?: string;
  emptyText: string;
  loadMoreLabel?: string;
  children: ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Alert color="red">{query.error?.message}</Alert>;
  if (empty) return <EmptyState icon={emptyIcon} color={emptyColor} text={emptyText} />;
  return (
    <Box style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
      {children}
      {query.hasNextPage && query.fetchNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage?.()}>
            {loadMoreLabel}
          </Button>
        </Group>
      )}
    </Box>
  );
}
