import { Badge, Button, Group, NumberInput, SimpleGrid, Switch, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeReasonInput, closingSettings, type CloseReasonAdminView, type CloseReasonInput } from '../../../contracts/closing';
import { localized } from '../../../contracts/languages';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { ActiveBadge } from '../../ui/badges';
import { LoadedTable, TitleCell } from '../../ui/DataTable';
import { FormAlert, FormModal, useDialogForm } from '../../ui/FormModal';
import { check, serverErrors } from '../../ui/forms';
import { compactLocalized, LocalizedFields, toLocalized, type Localized } from '../../ui/LocalizedFields';
import { notifyDone } from '../../ui/notify';
import { Page, Panel } from '../../ui/Page';
import { EditButton } from '../../ui/RowActions';
import { useCloseReasonsAdmin, useClosingSettings, useSaveCloseReason, useSaveClosingSettings } from './useClosing';

/** `/admin/close-reasons`: the reasons agents close tickets with, and how long a ticket waits for the customer. */
export function CloseReasonsAdminPage() {
  const { t } = useTranslation();
  const reasons = useCloseReasonsAdmin();
  const [form, setForm] = useState<{ reason: CloseReasonAdminView | null } | null>(null);
  const language = currentLanguage();

  return (
    <Page
      title={t('closing.admin.title')}
      description={t('closing.admin.intro')}
      primary={{ label: t('closing.admin.new'), icon: <IconPlus size={18} aria-hidden />, onClick: () => setForm({ reason: null }) }}
    >
      <LoadedTable
        query={reasons}
        label={t('closing.admin.title')}
        minWidth={560}
        columns={[
          { label: t('closing.admin.fields.position'), width: 80, cell: (r) => r.position },
          {
            label: t('closing.admin.fields.name'),
            cell: (r) => <TitleCell title={localized(r.names, language)}>{r.key && <Badge variant="light" color="gray" radius="sm" tt="none">{t('closing.admin.builtIn')}</Badge>}</TitleCell>,
          },
          { label: t('closing.admin.fields.notifyCustomer'), cell: (r) => (r.notifyCustomer ? t('admin.common.yes') : t('admin.common.no')) },
          { label: t('admin.common.status'), cell: (r) => <ActiveBadge active={r.active} /> },
          { label: t('admin.common.actions'), width: 110, cell: (r) => <EditButton name={localized(r.names, language)} onClick={() => setForm({ reason: r })} /> },
        ]}
      />
      <WaitingDays />
      <CloseReasonModal reason={form?.reason ?? null} opened={form !== null} next={((reasons.data?.length ?? 0) + 1) * 10} onClose={() => setForm(null)} />
    </Page>
  );
}

/** The days without the customer's answer before the reminder, and again before the closing. */
function WaitingDays() {
  const { t } = useTranslation();
  const translate = useTranslate();
  const settings = useClosingSettings();
  const save = useSaveClosingSettings();
  const [days, setDays] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setDays(settings.data.waitingCustomerDays);
  }, [settings.data]);

  const submit = () => {
    const result = check(closingSettings, { waitingCustomerDays: typeof days === 'number' ? days : Number.NaN }, translate);
    if (result.errors) return setError(result.errors.waitingCustomerDays ?? t('errors.validation'));
    save.mutate(result.data, {
      onSuccess: () => notifyDone(t('closing.admin.waitingSaved')),
      onError: (e) => setError(serverErrors(e, t('errors.internal')).fields.waitingCustomerDays ?? serverErrors(e, t('errors.internal')).alert),
    });
  };

  return (
    <Panel id="waiting-days" title={t('closing.admin.waitingTitle')} intro={t('closing.admin.waitingHelp')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t('closing.admin.waitingDays')}
            min={0}
            max={365}
            allowDecimal={false}
            w={200}
            value={days}
            onChange={(v) => {
              setDays(v);
              setError(null);
            }}
            error={error}
          />
          <Button type="submit" loading={save.isPending}>
            {t('admin.common.save')}
          </Button>
        </Group>
      </form>
      {settings.error && <FormAlert message={settings.error.message} />}
    </Panel>
  );
}

type Values = { names: Localized; notifyCustomer: boolean; active: boolean; position: number };

/** Adds a close reason or edits one: its name in each language, whether the customer is told, its place and state. */
function CloseReasonModal({ reason, opened, next, onClose }: { reason: CloseReasonAdminView | null; opened: boolean; next: number; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const save = useSaveCloseReason();
  const form = useDialogForm<Values>({
    opened,
    onClose,
    subject: reason ?? next,
    initial: () => ({ names: toLocalized(reason?.names), notifyCustomer: reason?.notifyCustomer ?? true, active: reason?.active ?? true, position: reason?.position ?? next }),
  });
  const { values, set, errors } = form;

  function submit() {
    const input: CloseReasonInput = { names: compactLocalized(values.names), notifyCustomer: values.notifyCustomer, active: values.active, position: values.position };
    const result = check(closeReasonInput, input, translate);
    if (result.errors) return form.showErrors(result.errors, null);
    save.mutate({ id: reason?.id ?? null, input }, form.whenSaved((saved) => t('admin.common.savedNamed', { name: localized(saved.names, currentLanguage()) })));
  }

  return (
    <FormModal {...form.modal} size="lg" title={reason ? t('admin.common.editNamed', { name: localized(reason.names, currentLanguage()) }) : t('closing.admin.new')} onSubmit={submit} saving={save.isPending}>
      <LocalizedFields label={t('closing.admin.fields.name')} value={values.names} onChange={(names) => set({ names })} errors={errors} errorPrefix="names" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('closing.admin.fields.position')} min={0} max={10000} allowDecimal={false} value={values.position} onChange={(v) => set({ position: typeof v === 'number' ? v : 0 })} error={errors.position} />
      </SimpleGrid>
      <Switch label={t('closing.admin.fields.notifyCustomer')} description={t('closing.admin.notifyHelp')} checked={values.notifyCustomer} onChange={(e) => set({ notifyCustomer: e.currentTarget.checked })} />
      <Switch label={t('closing.admin.fields.active')} description={t('closing.admin.activeHelp')} checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
      {reason?.key && (
        <Text size="sm" c="dimmed">
          {t('closing.admin.builtIn')}
        </Text>
      )}
    </FormModal>
  );
}
