import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowOutcomes } from '../../../contracts/links';

export type RowFailure = { number: number; message: string };

/** The rows an action over many tickets could not do, each with the server's reason. */
export function failuresOf({ results }: RowOutcomes): RowFailure[] {
  return results.filter((r) => !r.ok).map((r) => ({ number: r.number, message: r.error?.message ?? '' }));
}

/** "#120: Não encontrado." for each row that failed, announced as it appears. */
export function RowFailures({ failures }: { failures: RowFailure[] }) {
  const { t } = useTranslation();
  if (!failures.length) return null;
  return (
    <List size="sm" c="red.8" aria-live="polite">
      {failures.map((f) => (
        <List.Item key={f.number}>{t('links.bulk.failed', f)}</List.Item>
      ))}
    </List>
  );
}
