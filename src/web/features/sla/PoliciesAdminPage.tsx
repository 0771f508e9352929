import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconTimeline } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../contracts/languages';
import type { PolicyView } from '../../../contracts/sla-admin';
import { currentLanguage } from '../../app/i18n';
import { EmptyState, Loaded } from '../../ui/ListStates';
import { notifyDone, useNotifyFailure } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { EditButton } from '../../ui/RowActions';
import { useCatalog, type Catalog } from '../catalog/useCatalogAdmin';
import { PolicyFormModal } from './PolicyFormModal';
import { durationText } from './slaFormat';
import { useCalendars, usePolicies, useReorderPolicies, useSupportTiers } from './useSlaAdmin';

/** `/admin/sla/policies`: the SLA rules in the order they are tried, each with its targets and calendar. */
export function PoliciesAdminPage() {
  const { t } = useTranslation();
  const policies = usePolicies();
  const catalog = useCatalog();
  const calendars = useCalendars();
  const reorder = useReorderPolicies();
  const notifyFailure = useNotifyFailure();
  const [form, setForm] = useState<{ policy: PolicyView | null } | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);

  /** Moves a policy to another place and saves the whole order at once. */
  const move = (list: PolicyView[], from: number, to: number) => {
    if (to < 0 || to >= list.length || from === to) return;
    const next = [...list];
    const [policy] = next.splice(from, 1);
    next.splice(to, 0, policy!);
    reorder.mutate(next, {
      onSuccess: () => notifyDone(t('slaAdmin.policies.moved', { name: policy!.name, position: to + 1 })),
      onError: notifyFailure,
    });
    // The handle keeps the focus as the row moves, so the arrows can go on moving it.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-policy-handle="${policy!.id}"]`)?.focus());
  };

  return (
    <Page
      title={t('slaAdmin.policies.title')}
      description={t('slaAdmin.policies.intro')}
      primary={{ label: t('slaAdmin.policies.new'), icon: <IconPlus size={18} aria-hidden />, onClick: () => setForm({ policy: null }), disabled: !catalog.data || !calendars.data?.length }}
    >
      <Loaded query={policies}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState icon={<IconTimeline size={26} aria-hidden />} text={t('slaAdmin.policies.empty')} />
          ) : (
            <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('slaAdmin.policies.order')}>
              {list.map((policy, index) => (
                <li
                  key={policy.id}
                  onDragOver={(e) => dragged !== null && e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    const from = list.findIndex((p) => p.id === dragged);
                    setDragged(null);
                    if (from >= 0) move(list, from, index);
                  }}
                >
                  <PolicyRow
                    policy={policy}
                    index={index}
                    count={list.length}
                    catalog={catalog.data}
                    calendarName={calendars.data?.find((c) => c.id === policy.calendarId)?.name ?? ''}
                    busy={reorder.isPending}
                    dragging={dragged === policy.id}
                    onDragStart={() => setDragged(policy.id)}
                    onDragEnd={() => setDragged(null)}
                    onMove={(to) => move(list, index, to)}
                    onEdit={() => setForm({ policy })}
                  />
                </li>
              ))}
            </Stack>
          )
        }
      </Loaded>
      {catalog.data && <PolicyFormModal catalog={catalog.data} policy={form?.policy ?? null} opened={form !== null} onClose={() => setForm(null)} />}
    </Page>
  );
}

/** One rule: its handle and arrows, place, name, what it applies to, its calendar and the targets of Alta. */
function PolicyRow({
  policy,
  index,
  count,
  catalog,
  calendarName,
  busy,
  dragging,
  onDragStart,
  onDragEnd,
  onMove,
  onEdit,
}: {
  policy: PolicyView;
  index: number;
  count: number;
  catalog: Catalog | undefined;
  calendarName: string;
  busy: boolean;
  dragging: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  onMove: (to: number) => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const companies = useSupportTiers().data?.companies;
  const units = { h: t('slaAdmin.policies.h'), min: t('slaAdmin.policies.min') };

  const named = <E extends { id: number; name: string; names: Record<string, string> | null }>(entries: E[] | undefined, ids: number[]) =>
    ids.map((id) => {
      const entry = entries?.find((e) => e.id === id);
      return entry ? (entry.names ? localized(entry.names, language) : entry.name) : `#${id}`;
    });
  const m = policy.match;
  const parts = [
    ...named(catalog?.channel, m.channelIds),
    ...named(catalog?.service_line, m.serviceLineIds),
    ...named(catalog?.category, m.categoryIds),
    ...m.companyIds.map((id) => companies?.find((c) => c.id === id)?.name ?? `#${id}`),
    ...m.supportTiers,
    ...m.criticalities.map((l) => t(`criticality.levels.${l}`)),
  ];

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      onMove(index + (e.key === 'ArrowUp' ? -1 : 1));
    }
  };

  return (
    <Paper withBorder radius="md" p="sm" style={{ opacity: dragging ? 0.5 : 1 }} data-testid={`policy-${policy.id}`}>
      <Group wrap="nowrap" gap="sm" align="flex-start">
        <Tooltip label={t('slaAdmin.policies.dragHandle', { name: policy.name })} openDelay={400}>
          <ActionIcon
            variant="subtle"
            color="gray"
            draggable
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(policy.id));
              onDragStart();
            }}
            onDragEnd={onDragEnd}
            onKeyDown={onKeyDown}
            aria-label={t('slaAdmin.policies.dragHandle', { name: policy.name })}
            aria-roledescription="drag handle"
            data-policy-handle={policy.id}
            style={{ cursor: 'grab' }}
          >
            <IconGripVertical size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Text fw={700} c="dimmed" w={24} ta="right" aria-hidden>
          {index + 1}.
        </Text>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600}>{policy.name}</Text>
            {!policy.active && (
              <Badge variant="dot" color="gray" size="sm">
                {t('slaAdmin.policies.inactive')}
              </Badge>
            )}
            {policy.pauseOnHold && (
              <Badge variant="light" color="gray" c="gray.9" size="sm" tt="none">
                {t('slaAdmin.policies.pauseOnHold')}
              </Badge>
            )}
          </Group>
          <Text size="sm">{parts.length ? parts.join(' · ') : t('slaAdmin.policies.anyTicket')}</Text>
          <Text size="xs" c="dimmed">
            {t('slaAdmin.policies.onCalendar', { name: calendarName })}
            {' · '}
            {(['critical', 'high'] as const)
              .map((level) => {
                const targets = policy.targets[level];
                const first = targets?.firstResponse;
                const resolution = targets?.resolution;
                return `${t(`criticality.levels.${level}`)} ${first ? durationText(first, units) : t('slaAdmin.policies.noTarget')} / ${resolution ? durationText(resolution, units) : t('slaAdmin.policies.noTarget')}`;
              })
              .join(' · ')}
          </Text>
        </Stack>
        <Group gap={2} wrap="nowrap">
          <ActionIcon variant="subtle" color="gray" disabled={index === 0 || busy} onClick={() => onMove(index - 1)} aria-label={t('slaAdmin.policies.moveUp', { name: policy.name })}>
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" disabled={index === count - 1 || busy} onClick={() => onMove(index + 1)} aria-label={t('slaAdmin.policies.moveDown', { name: policy.name })}>
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <EditButton name={policy.name} onClick={onEdit} disabled={!catalog} />
        </Group>
      </Group>
    </Paper>
  );
}
