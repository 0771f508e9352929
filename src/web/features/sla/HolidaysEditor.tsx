import { ActionIcon, Badge, Button, FileButton, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileImport, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidaySource } from '../../../contracts/sla-admin';
import { currentLanguage } from '../../app/i18n';
import { notifyDone, useNotifyFailure } from '../../ui/notify';
import { holidayDay } from './slaFormat';
import { useHolidays, useReadIcs, useRegions } from './useSlaAdmin';

export type OwnHoliday = { date: string; name: string; source: HolidaySource };
type Region = { state: string | null; city: string | null };

const scopeColor = { national: 'blue', state: 'grape', city: 'teal', manual: 'orange', ics: 'cyan' } as const;

/**
 * A calendar's holidays: the state and city whose holidays it adds to the national ones, the
 * holidays of a chosen year by name (the library's and the calendar's own, together by date), and
 * the calendar's own days — typed one by one or imported from an ICS file.
 */
export function HolidaysEditor({
  region,
  onRegion,
  own,
  onOwn,
  errors,
}: {
  region: Region;
  onRegion: (region: Region) => void;
  own: OwnHoliday[];
  onOwn: (own: OwnHoliday[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const regions = useRegions().data;
  const library = useHolidays(year, region.state, region.city);
  const readIcs = useReadIcs();
  const notifyFailure = useNotifyFailure();
  const [draft, setDraft] = useState({ date: '', name: '' });

  const state = regions?.states.find((s) => s.code === region.state);
  const rows = [
    ...(library.data?.holidays ?? []).map((h) => ({ ...h, kind: h.scope as keyof typeof scopeColor, own: false })),
    ...own.filter((h) => h.date.startsWith(`${year}-`)).map((h) => ({ ...h, kind: h.source as keyof typeof scopeColor, own: true })),
  ].sort((a, b) => a.date.localeCompare(b.date));

  const add = () => {
    if (!draft.date || !draft.name.trim()) return;
    onOwn([...own.filter((h) => h.date !== draft.date), { date: draft.date, name: draft.name.trim(), source: 'manual' }]);
    setDraft({ date: '', name: '' });
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    readIcs.mutate(await file.text(), {
      onSuccess: ({ holidays }) => {
        const known = new Set(own.map((h) => h.date));
        const added = holidays.filter((h) => !known.has(h.date));
        onOwn([...own, ...added.map((h) => ({ ...h, source: 'ics' as const }))]);
        notifyDone(added.length ? t('slaAdmin.holidays.imported', { count: added.length }) : t('slaAdmin.holidays.importedNone'));
        const first = added[0];
        if (first) setYear(Number(first.date.slice(0, 4)));
      },
      onError: notifyFailure,
    });
  };

  const ownErrors = Object.entries(errors).filter(([k]) => k.startsWith('holidays'));

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('slaAdmin.calendars.fields.state')}
          placeholder={t('slaAdmin.calendars.noState')}
          clearable
          searchable
          data={(regions?.states ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
          value={region.state}
          onChange={(value) => onRegion({ state: value, city: null })}
          error={errors.holidayState}
        />
        <Select
          label={t('slaAdmin.calendars.fields.city')}
          placeholder={t('slaAdmin.calendars.noCity')}
          clearable
          searchable
          disabled={!state?.cities.length}
          data={(state?.cities ?? []).map((c) => ({ value: c.code, label: c.name }))}
          value={region.city}
          onChange={(value) => onRegion({ ...region, city: value })}
          error={errors.holidayCity}
        />
      </SimpleGrid>

      <Paper withBorder p="sm" radius="md">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={3} size="h5" id="sla-holidays-year">
                {t('slaAdmin.holidays.title', { year })}
              </Title>
              <Text size="xs" c="dimmed">
                {t('slaAdmin.holidays.intro')}
              </Text>
            </div>
            <Select
              w={110}
              size="xs"
              label={t('slaAdmin.holidays.year')}
              data={[-1, 0, 1, 2, 3].map((d) => String(thisYear + d))}
              value={String(year)}
              onChange={(value) => value && setYear(Number(value))}
              allowDeselect={false}
            />
          </Group>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('slaAdmin.holidays.none')}
            </Text>
          ) : (
            <Table verticalSpacing={2} aria-labelledby="sla-holidays-year" style={{ opacity: library.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Tbody>
                {rows.map((h) => (
                  <Table.Tr key={`${h.kind}:${h.date}:${h.name}`}>
                    <Table.Td w={110}>
                      <Text size="sm" ff="monospace">
                        {holidayDay(h.date, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{h.name}</Text>
                    </Table.Td>
                    <Table.Td w={120}>
                      <Badge size="sm" variant="light" color={scopeColor[h.kind]} c="dark.9" tt="none">
                        {t(`slaAdmin.holidays.scope.${h.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td w={40}>
                      {h.own && (
                        <ActionIcon variant="subtle" color="red" size="sm" onClick={() => onOwn(own.filter((o) => o.date !== h.date))} aria-label={t('slaAdmin.holidays.remove', { name: `${h.name} (${h.date})` })}>
                          <IconTrash size={14} aria-hidden />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {ownErrors.map(([k, message]) => (
            <Text key={k} size="xs" c="red">
              {own[Number(k.split('.')[1])]?.date ?? ''} {message}
            </Text>
          ))}
        </Stack>
      </Paper>

      <Group align="flex-end" gap="xs" role="group" aria-label={t('slaAdmin.holidays.addTitle')}>
        <TextInput type="date" size="xs" label={t('slaAdmin.holidays.date')} value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.currentTarget.value })} />
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          label={t('slaAdmin.holidays.name')}
          placeholder={t('slaAdmin.holidays.namePlaceholder')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={add} disabled={!draft.date || !draft.name.trim()}>
          {t('slaAdmin.holidays.add')}
        </Button>
        <FileButton onChange={(file) => void importFile(file)} accept=".ics,text/calendar">
          {(props) => (
            <Button {...props} size="xs" variant="default" loading={readIcs.isPending} leftSection={<IconFileImport size={14} aria-hidden />}>
              {t('slaAdmin.holidays.importIcs')}
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}
