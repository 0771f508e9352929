import { Button, Group, Text } from '@mantine/core';
import { IconCalendarPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarView } from '../../../contracts/sla-admin';
import { currentLanguage } from '../../app/i18n';
import { LoadedTable, TitleCell } from '../../ui/DataTable';
import { ConfirmDialog } from '../../ui/FormModal';
import { errorText } from '../../ui/forms';
import { notifyDone } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { EditButton } from '../../ui/RowActions';
import { CalendarFormModal } from './CalendarFormModal';
import { hoursSummary } from './slaFormat';
import { useCalendars, useDeleteCalendar, useRegions } from './useSlaAdmin';

/** `/admin/sla/calendars`: the business calendars SLA targets count on — hours, time zone, holidays. */
export function CalendarsAdminPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const calendars = useCalendars();
  const regions = useRegions().data;
  const remove = useDeleteCalendar();
  const [form, setForm] = useState<{ calendar: CalendarView | null } | null>(null);
  const [deleting, setDeleting] = useState<CalendarView | null>(null);

  const holidays = (c: CalendarView) => {
    const state = regions?.states.find((s) => s.code === c.holidayState);
    const city = state?.cities.find((x) => x.code === c.holidayCity);
    return [t('slaAdmin.calendars.national'), state?.name ?? c.holidayState, city?.name ?? c.holidayCity, c.holidays.length ? t('slaAdmin.calendars.ownCount', { count: c.holidays.length }) : null]
      .filter(Boolean)
      .join(' · ');
  };

  return (
    <Page
      title={t('slaAdmin.calendars.title')}
      description={t('slaAdmin.calendars.intro')}
      primary={{ label: t('slaAdmin.calendars.new'), icon: <IconCalendarPlus size={18} aria-hidden />, onClick: () => setForm({ calendar: null }) }}
    >
      <LoadedTable
        query={calendars}
        label={t('slaAdmin.calendars.title')}
        minWidth={820}
        columns={[
          { label: t('slaAdmin.calendars.fields.name'), cell: (c) => <TitleCell title={c.name} detail={c.timeZone} /> },
          {
            label: t('slaAdmin.calendars.fields.hours'),
            maxWidth: 320,
            cell: (c) => <Text size="sm">{hoursSummary(c.hours, language, { everyDay: t('slaAdmin.hours.everyDay'), allDay: t('slaAdmin.hours.allDay') })}</Text>,
          },
          { label: t('slaAdmin.calendars.fields.holidays'), cell: (c) => <Text size="sm">{holidays(c)}</Text> },
          { label: t('slaAdmin.calendars.fields.policies'), cell: (c) => (c.policies ? t('slaAdmin.calendars.usedBy', { count: c.policies }) : t('slaAdmin.calendars.unused')) },
          {
            label: t('admin.common.actions'),
            width: 200,
            cell: (c) => (
              <Group gap={4} wrap="nowrap">
                <EditButton name={c.name} onClick={() => setForm({ calendar: c })} />
                {c.policies === 0 && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => {
                      remove.reset();
                      setDeleting(c);
                    }}
                    aria-label={t('slaAdmin.calendars.deleteNamed', { name: c.name })}
                  >
                    {t('slaAdmin.calendars.delete')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
      <CalendarFormModal calendar={form?.calendar ?? null} opened={form !== null} onClose={() => setForm(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('slaAdmin.calendars.deleteQuestion', { name: deleting?.name ?? '' })}
        confirmLabel={t('slaAdmin.calendars.delete')}
        loading={remove.isPending}
        error={errorText(remove.error, t('errors.internal'))}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { id: deleting.id, revision: deleting.revision },
            {
              onSuccess: () => {
                notifyDone(t('slaAdmin.calendars.deleted', { name: deleting.name }));
                setDeleting(null);
              },
            },
          )
        }
      >
        <Text size="sm">{t('slaAdmin.calendars.deleteBody')}</Text>
      </ConfirmDialog>
    </Page>
  );
}
