import { Divider, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarInput, type CalendarView, type WeekHoursInput } from '../../../contracts/sla-admin';
import { useTranslate } from '../../app/useTranslate';
import { FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { check } from '../../ui/forms';
import { HolidaysEditor, type OwnHoliday } from './HolidaysEditor';
import { useSaveCalendar } from './useSlaAdmin';
import { commercialHours, WeekHoursEditor } from './WeekHoursEditor';

type Values = { name: string; timeZone: string; hours: WeekHoursInput; holidayState: string | null; holidayCity: string | null; holidays: OwnHoliday[] };

/** The IANA zones the browser knows, the calendar's own first if the browser lacks it. */
function zoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['America/Sao_Paulo', 'UTC'];
  return zones.includes(current) || !current ? zones : [current, ...zones];
}

/** Creates a calendar or edits one: its name, time zone, hours a day of the week, and holidays. */
export function CalendarFormModal({ calendar, opened, onClose }: { calendar: CalendarView | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const save = useSaveCalendar();
  const form = useDialogForm<Values>({
    opened,
    onClose,
    subject: calendar,
    initial: () => ({
      name: calendar?.name ?? '',
      timeZone: calendar?.timeZone ?? 'America/Sao_Paulo',
      hours: calendar?.hours ?? commercialHours(),
      holidayState: calendar?.holidayState ?? 'SP',
      holidayCity: calendar?.holidayCity ?? null,
      holidays: calendar?.holidays ?? [],
    }),
  });
  const { values, set, errors } = form;
  const zones = useMemo(() => zoneOptions(values.timeZone), [values.timeZone]);

  function submit() {
    const result = check(calendarInput, values, translate);
    if (result.errors) return form.showErrors(result.errors, null);
    save.mutate(
      { id: calendar?.id ?? null, revision: calendar?.revision ?? 0, input: result.data },
      form.whenSaved((saved) => t('slaAdmin.calendars.saved', { name: saved.name })),
    );
  }

  // Messages of the hours and holidays come by their path ("hours.1.0.end"), not one field each.
  const hoursErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith('hours')));

  return (
    <FormModal
      {...form.modal}
      size="xl"
      title={calendar ? t('admin.common.editNamed', { name: calendar.name }) : t('slaAdmin.calendars.new')}
      onSubmit={submit}
      saving={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput {...requiredField(t('slaAdmin.calendars.fields.name'))} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
        <Select
          {...requiredField(t('slaAdmin.calendars.fields.timeZone'))}
          description={t('slaAdmin.calendars.timeZoneHelp')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          searchable
          limit={50}
          data={zones}
          value={values.timeZone}
          onChange={(timeZone) => set({ timeZone: timeZone ?? '' })}
          allowDeselect={false}
          error={errors.timeZone}
        />
      </SimpleGrid>
      <Divider />
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('slaAdmin.calendars.fields.hours')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('slaAdmin.hours.intro')}
        </Text>
        <WeekHoursEditor hours={values.hours} onChange={(hours) => set({ hours }, ...Object.keys(hoursErrors))} errors={hoursErrors} />
      </Stack>
      <Divider />
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('slaAdmin.calendars.fields.holidays')}
        </Title>
        <HolidaysEditor
          region={{ state: values.holidayState, city: values.holidayCity }}
          onRegion={(region) => set({ holidayState: region.state, holidayCity: region.city })}
          own={values.holidays}
          onOwn={(holidays) => set({ holidays }, ...Object.keys(errors).filter((k) => k.startsWith('holidays')))}
          errors={errors}
        />
      </Stack>
    </FormModal>
  );
}
