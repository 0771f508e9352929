import { ActionIcon, Badge, Button, Grid, Group, Paper, Stack, Tabs, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconChevronRight, IconEdit, IconEye, IconEyeOff, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogKind } from '../../../contracts/admin';
import { localized } from '../../../contracts/languages';
import { currentLanguage } from '../../app/i18n';
import { ConfirmDialog } from '../../ui/FormModal';
import { Loaded } from '../../ui/ListStates';
import { notifyDone, useNotifyFailure } from '../../ui/notify';
import { Page, Panel } from '../../ui/Page';
import { CatalogEntryModal, catalogLabel, type Editing } from './CatalogEntryModal';
import { useCatalog, useCatalogActions, type Catalog, type CatalogEntry } from './useCatalogAdmin';

const gradeColor: Record<string, string> = { high: 'red', medium: 'orange', low: 'blue' };

/**
 * `/admin/catalog`: channels → service lines → modules → routines, versions, environments; the
 * effects with their urgency; the categories (cap, Consultoria right) and origins (impact) with the
 * help the ticket form shows. Nothing is deleted (a ticket may use it): it is deactivated.
 */
export function CatalogAdminPage() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  const lines = catalog.data?.service_line ?? [];
  const firstChannel = catalog.data?.channel[0];
  const line = lines.find((l) => l.id === selected) ?? lines.find((l) => l.parentId === firstChannel?.id) ?? lines[0];

  return (
    <Page title={t('admin.catalog.title')} description={t('admin.catalog.intro')}>
      <Loaded query={catalog}>
        {(data) => (
          <>
            <Grid gap="lg" align="flex-start">
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack component="section" gap="sm" aria-labelledby="catalog-channels">
                  <Group justify="space-between">
                    <Title order={2} size="h3" id="catalog-channels">
                      {t('admin.catalog.channels')}
                    </Title>
                    <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing({ kind: 'channel', entry: null })}>
                      {t('admin.catalog.add.channel')}
                    </Button>
                  </Group>
                  {data.channel.map((channel, index) => (
                    <Paper key={channel.id} withBorder radius="md" p="sm">
                      <EntryRow kind="channel" entry={channel} siblings={data.channel} index={index} onEdit={() => setEditing({ kind: 'channel', entry: channel })} heading />
                      <Stack gap={4} mt="xs" pl="md" component="ul" m={0} style={{ listStyle: 'none' }} aria-label={t('admin.catalog.linesOf', { name: catalogLabel(channel) })}>
                        {children(data, 'service_line', channel.id).map((l, i, all) => (
                          <li key={l.id}>
                            <EntryRow
                              kind="service_line"
                              entry={l}
                              siblings={all}
                              index={i}
                              selected={line?.id === l.id}
                              onSelect={() => setSelected(l.id)}
                              onEdit={() => setEditing({ kind: 'service_line', entry: l })}
                            />
                          </li>
                        ))}
                      </Stack>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        mt={4}
                        ml="md"
                        leftSection={<IconPlus size={14} aria-hidden />}
                        onClick={() => setEditing({ kind: 'service_line', entry: null, parentId: channel.id })}
                        aria-label={t('admin.catalog.addLineTo', { name: catalogLabel(channel) })}
                      >
                        {t('admin.catalog.add.service_line')}
                      </Button>
                    </Paper>
                  ))}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 7 }}>
                {line && <LineLists catalog={data} line={line} onEdit={setEditing} />}
              </Grid.Col>
            </Grid>

            <FormLists catalog={data} onEdit={setEditing} />
            <CatalogEntryModal editing={editing} onClose={() => setEditing(null)} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

/** The lists every ticket form offers, whatever its service line: effects, categories, origins. */
function FormLists({ catalog, onEdit }: { catalog: Catalog; onEdit: (editing: Editing) => void }) {
  const { t } = useTranslation();
  const lists = [
    { kind: 'effect', title: t('admin.catalog.effects'), intro: t('admin.catalog.effectsIntro') },
    { kind: 'category', title: t('admin.catalog.categories'), intro: t('admin.catalog.categoriesIntro') },
    { kind: 'origin', title: t('admin.catalog.origins'), intro: t('admin.catalog.originsIntro') },
  ] as const;
  return (
    <Panel id="catalog-form-lists" title={t('admin.catalog.formLists')} intro={t('admin.catalog.formListsIntro')} size="h3" padding="md">
      <Tabs defaultValue="effect" keepMounted={false}>
        <Tabs.List>
          {lists.map((list) => (
            <Tabs.Tab key={list.kind} value={list.kind}>
              {list.title}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {lists.map((list) => (
          <Tabs.Panel key={list.kind} value={list.kind} pt="sm">
            <Text size="sm" c="dimmed" mb="xs">
              {list.intro}
            </Text>
            <EntryList kind={list.kind} entries={catalog[list.kind]} onEdit={onEdit} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Panel>
  );
}

/** Entries of one kind with their buttons, and a button to add one (under `parentId`). */
function EntryList({
  kind,
  entries,
  parentId,
  onEdit,
  nested,
}: {
  kind: CatalogKind;
  entries: CatalogEntry[];
  parentId?: number;
  onEdit: (editing: Editing) => void;
  nested?: (entry: CatalogEntry) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {entries.length === 0 && (
        <Text size="sm" c="dimmed" py="xs">
          {t('admin.catalog.emptyList')}
        </Text>
      )}
      <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {entries.map((e, i) => (
          <li key={e.id}>
            <EntryRow kind={kind} entry={e} siblings={entries} index={i} onEdit={() => onEdit({ kind, entry: e })} />
            {nested?.(e)}
          </li>
        ))}
      </Stack>
      <Button variant="subtle" size="compact-sm" w="fit-content" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onEdit({ kind, entry: null, parentId })}>
        {t(`admin.catalog.add.${kind as 'module'}`)}
      </Button>
    </Stack>
  );
}

/** Entries of a kind under a parent, in their order. */
function children(catalog: Catalog, kind: CatalogKind, parentId: number): CatalogEntry[] {
  return catalog[kind].filter((e) => e.parentId === parentId);
}

/** A service line's own lists for the ticket form: modules with their routines, versions, environments. */
function LineLists({ catalog, line, onEdit }: { catalog: Catalog; line: CatalogEntry; onEdit: (editing: Editing) => void }) {
  const { t } = useTranslation();
  const modules = children(catalog, 'module', line.id);
  return (
    <Panel id="catalog-line" title={t('admin.catalog.listsOf', { name: line.name })} intro={t('admin.catalog.listsIntro')} size="h3" padding="md">
      <Tabs defaultValue="modules" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="modules">{t('admin.catalog.modules', { n: modules.length })}</Tabs.Tab>
          <Tabs.Tab value="versions">{t('admin.catalog.versions', { n: children(catalog, 'version', line.id).length })}</Tabs.Tab>
          <Tabs.Tab value="environments">{t('admin.catalog.environments', { n: children(catalog, 'environment', line.id).length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="modules" pt="sm">
          <EntryList
            kind="module"
            entries={modules}
            parentId={line.id}
            onEdit={onEdit}
            nested={(module) => (
              <Stack gap={2} pl="xl" pb="xs" aria-label={t('admin.catalog.routinesOf', { name: module.name })} role="group">
                <EntryList kind="routine" entries={children(catalog, 'routine', module.id)} parentId={module.id} onEdit={onEdit} />
              </Stack>
            )}
          />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="sm">
          <EntryList kind="version" entries={children(catalog, 'version', line.id)} parentId={line.id} onEdit={onEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="environments" pt="sm">
          <EntryList kind="environment" entries={children(catalog, 'environment', line.id)} parentId={line.id} onEdit={onEdit} />
        </Tabs.Panel>
      </Tabs>
    </Panel>
  );
}

/** One entry: its name and marks, and buttons to reorder, edit, (de)activate it. */
function EntryRow({
  kind,
  entry,
  siblings,
  index,
  onEdit,
  onSelect,
  selected,
  heading,
}: {
  kind: CatalogKind;
  entry: CatalogEntry;
  siblings: CatalogEntry[];
  index: number;
  onEdit: () => void;
  onSelect?: () => void;
  selected?: boolean;
  heading?: boolean;
}) {
  const { t } = useTranslation();
  const { update, reorder } = useCatalogActions();
  const notifyFailure = useNotifyFailure();
  const name = catalogLabel(entry);
  const help = entry.help ? localized(entry.help, currentLanguage()) : '';

  const move = (by: -1 | 1) => {
    const ids = siblings.map((e) => e.id);
    ids.splice(index, 1);
    ids.splice(index + by, 0, entry.id);
    reorder.mutate({ kind, ids }, { onError: notifyFailure });
  };

  // Deactivating takes the entry out of every customer's form (a channel or line out of their menu): asked first.
  const [confirming, setConfirming] = useState(false);
  const toggle = () =>
    update.mutate(
      { kind, id: entry.id, input: { active: !entry.active } },
      {
        onSuccess: () => {
          setConfirming(false);
          notifyDone(t(entry.active ? 'admin.catalog.deactivated' : 'admin.catalog.reactivated', { name }));
        },
        onError: notifyFailure,
      },
    );

  const title = (
    <Group gap={6} style={{ minWidth: 0 }}>
      <Text fw={heading || selected ? 700 : 500} size={heading ? 'md' : 'sm'} c={entry.active ? undefined : 'dimmed'} td={entry.active ? undefined : 'line-through'} style={{ overflowWrap: 'anywhere' }}>
        {name}
      </Text>
      {entry.code && kind !== 'service_line' && (
        <Badge variant="outline" color="gray" radius="sm" tt="none" size="sm">
          {entry.code}
        </Badge>
      )}
      {kind === 'service_line' && entry.code && entry.code !== entry.name && (
        <Badge variant="light" color="gray" c="gray.9" radius="sm" size="sm" tt="none">
          {entry.code}
        </Badge>
      )}
      {entry.urgency && (
        <Badge variant="dot" color={gradeColor[entry.urgency]} radius="sm" size="sm" tt="none">
          {t('admin.catalog.urgencyIs', { urgency: t(`criticality.urgency.${entry.urgency}`) })}
        </Badge>
      )}
      {entry.impact && (
        <Badge variant="dot" color={gradeColor[entry.impact]} radius="sm" size="sm" tt="none">
          {t('admin.catalog.impactIs', { impact: t(`criticality.impact.${entry.impact}`) })}
        </Badge>
      )}
      {entry.capLevel && (
        <Badge variant="light" color="gray" c="gray.9" radius="sm" size="sm" tt="none">
          {t('admin.catalog.capIs', { level: t(`criticality.levels.${entry.capLevel}`) })}
        </Badge>
      )}
      {entry.needsConsultingRight && (
        <Badge variant="outline" color="gray" radius="sm" size="sm" tt="none">
          {t('admin.catalog.consultingOnly')}
        </Badge>
      )}
      {!entry.active && (
        <Badge variant="dot" color="gray" radius="sm" size="sm">
          {t('admin.common.inactive')}
        </Badge>
      )}
    </Group>
  );

  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" px={6} py={2} bg={selected ? 'blue.0' : undefined} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
      {onSelect ? (
        <UnstyledButton onClick={onSelect} aria-pressed={selected} style={{ flex: 1, minWidth: 0 }} aria-label={t('admin.catalog.showLists', { name })}>
          <Group gap={4} wrap="nowrap">
            {title}
            <IconChevronRight size={14} aria-hidden style={{ flexShrink: 0, opacity: selected ? 1 : 0.4 }} />
          </Group>
        </UnstyledButton>
      ) : (
        <div style={{ flex: 1, minWidth: 0 }}>
          {title}
          {help && (
            <Text size="xs" c="dimmed">
              {help}
            </Text>
          )}
        </div>
      )}
      <Group gap={2} wrap="nowrap">
        <Tooltip label={t('admin.catalog.moveUp')} openDelay={400}>
          <ActionIcon variant="subtle" color="gray" disabled={index === 0 || reorder.isPending} onClick={() => move(-1)} aria-label={t('admin.catalog.moveUpNamed', { name })}>
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('admin.catalog.moveDown')} openDelay={400}>
          <ActionIcon variant="subtle" color="gray" disabled={index === siblings.length - 1 || reorder.isPending} onClick={() => move(1)} aria-label={t('admin.catalog.moveDownNamed', { name })}>
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('admin.common.edit')} openDelay={400}>
          <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label={t('admin.common.editNamed', { name })}>
            <IconEdit size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={entry.active ? t('admin.common.deactivate') : t('admin.common.reactivate')} openDelay={400}>
          <ActionIcon
            variant="subtle"
            color={entry.active ? 'red' : 'teal'}
            loading={update.isPending}
            onClick={entry.active ? () => setConfirming(true) : toggle}
            aria-label={t(entry.active ? 'admin.common.deactivateNamed' : 'admin.common.reactivateNamed', { name })}
          >
            {entry.active ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('admin.common.deactivateQuestion', { name })}
        confirmLabel={t('admin.common.deactivate')}
        loading={update.isPending}
        onConfirm={toggle}
        onClose={() => setConfirming(false)}
      >
        <Text size="sm">{t(kind === 'channel' || kind === 'service_line' ? 'admin.catalog.deactivateMenuBody' : 'admin.catalog.deactivateBody', { name })}</Text>
      </ConfirmDialog>
    </Group>
  );
}
