import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WeekHoursInput } from '../../../contracts/sla-admin';
import { currentLanguage } from '../../app/i18n';
import { weekdayName, workWeek } from './slaFormat';

type Period = { start: string; end: string };

/** Monday to Friday 08:00–12:00 and 13:00–18:00: where a new calendar starts. */
export const commercialHours = (): WeekHoursInput =>
  [0, 1, 2, 3, 4, 5, 6].map((day) => (day >= 1 && day <= 5 ? [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }] : []));

/** Every day, all day. */
const fullTime = (): WeekHoursInput => [0, 1, 2, 3, 4, 5, 6].map(() => [{ start: '00:00', end: '24:00' }]);

/**
 * A week's business hours, a row a day (Monday first) with its periods, each a start and an end;
 * messages sit under the field the server or the schema named (`hours.<day>.<period>.start`).
 */
export function WeekHoursEditor({ hours, onChange, errors }: { hours: WeekHoursInput; onChange: (hours: WeekHoursInput) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const setDay = (day: number, periods: Period[]) => onChange(hours.map((p, d) => (d === day ? periods : p)));

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="compact-sm" variant="default" onClick={() => onChange(commercialHours())}>
          {t('slaAdmin.hours.commercial')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => onChange(hours.map((p, d) => (d >= 2 && d <= 5 ? hours[1]!.map((x) => ({ ...x })) : p)))}>
          {t('slaAdmin.hours.copyWeekdays')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => onChange(fullTime())}>
          {t('slaAdmin.hours.fullTime')}
        </Button>
      </Group>
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {workWeek.map((day) => {
            const name = weekdayName(day, language);
            const periods = hours[day]!;
            return (
              <Table.Tr key={day}>
                <Table.Th scope="row" w={140} style={{ verticalAlign: 'top', paddingTop: 10 }}>
                  <Text size="sm" fw={600} tt="capitalize">
                    {name}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Group gap="sm" align="flex-start">
                    {periods.length === 0 && (
                      <Text size="sm" c="dimmed" pt={6}>
                        {t('slaAdmin.hours.closed')}
                      </Text>
                    )}
                    {periods.map((period, index) => {
                      const at = `hours.${day}.${index}`;
                      const n = index + 1;
                      const edit = (patch: Partial<Period>) => setDay(day, periods.map((p, i) => (i === index ? { ...p, ...patch } : p)));
                      return (
                        <Group key={index} gap={4} align="flex-start" wrap="nowrap">
                          <TextInput
                            w={76}
                            size="xs"
                            aria-label={t('slaAdmin.hours.start', { n, day: name })}
                            placeholder="08:00"
                            value={period.start}
                            onChange={(e) => edit({ start: e.currentTarget.value })}
                            error={errors[`${at}.start`]}
                          />
                          <Text size="sm" pt={4} aria-hidden>
                            –
                          </Text>
                          <TextInput
                            w={76}
                            size="xs"
                            aria-label={t('slaAdmin.hours.end', { n, day: name })}
                            placeholder="18:00"
                            value={period.end}
                            onChange={(e) => edit({ end: e.currentTarget.value })}
                            error={errors[`${at}.end`]}
                          />
                          <ActionIcon variant="subtle" color="gray" mt={2} onClick={() => setDay(day, periods.filter((_, i) => i !== index))} aria-label={t('slaAdmin.hours.removePeriod', { n, day: name })}>
                            <IconX size={14} aria-hidden />
                          </ActionIcon>
                        </Group>
                      );
                    })}
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      mt={4}
                      leftSection={<IconPlus size={12} aria-hidden />}
                      onClick={() => setDay(day, [...periods, nextPeriod(periods)])}
                      aria-label={t('slaAdmin.hours.addPeriodTo', { day: name })}
                    >
                      {t('slaAdmin.hours.addPeriod')}
                    </Button>
                  </Group>
                  {errors[`hours.${day}`] && (
                    <Text size="xs" c="red">
                      {errors[`hours.${day}`]}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** A new period after a day's last one (13:00–18:00 after a morning), or the morning of an empty day. */
function nextPeriod(periods: Period[]): Period {
  const last = periods.at(-1);
  if (!last) return { start: '08:00', end: '12:00' };
  const [h, m] = last.end.split(':').map(Number) as [number, number];
  if (!Number.isFinite(h) || h >= 23) return { start: last.end, end: '24:00' };
  const start = `${String(h + 1).padStart(2, '0')}:${String(m || 0).padStart(2, '0')}`;
  return { start, end: h + 5 >= 24 ? '24:00' : `${String(h + 5).padStart(2, '0')}:${String(m || 0).padStart(2, '0')}` };
}
