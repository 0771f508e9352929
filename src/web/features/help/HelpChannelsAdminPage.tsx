import { Anchor, NumberInput, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { helpChannelInput } from '../../../contracts/admin';
import { localized } from '../../../contracts/languages';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { ActiveBadge } from '../../ui/badges';
import { LoadedTable, TitleCell } from '../../ui/DataTable';
import { FormModal, useDialogForm } from '../../ui/FormModal';
import { check } from '../../ui/forms';
import { compactLocalized, LocalizedFields, toLocalized, type Localized } from '../../ui/LocalizedFields';
import { Page } from '../../ui/Page';
import { EditButton } from '../../ui/RowActions';
import { useHelpChannels, useSaveHelpChannel, type HelpChannelAdmin, type HelpChannelWrite } from './useHelpAdmin';

/** `/admin/help-channels`: the "Canais de atendimento" the help page lists, before and after sign-in. */
export function HelpChannelsAdminPage() {
  const { t } = useTranslation();
  const channels = useHelpChannels();
  const [form, setForm] = useState<{ channel: HelpChannelAdmin | null } | null>(null);
  const language = currentLanguage();

  return (
    <Page
      title={t('admin.help.title')}
      description={
        <>
          {t('admin.help.intro')}{' '}
          <Anchor component={Link} to="/help" underline="always">
            {t('admin.help.seePage')}
          </Anchor>
        </>
      }
      primary={{ label: t('admin.help.new'), icon: <IconPlus size={18} aria-hidden />, onClick: () => setForm({ channel: null }) }}
    >
      <LoadedTable
        query={channels}
        label={t('admin.help.title')}
        columns={[
          { label: t('admin.help.fields.position'), width: 70, cell: (c) => c.position },
          { label: t('admin.help.fields.name'), cell: (c) => <TitleCell title={localized(c.names, language)} detail={localized(c.descriptions, language)} clamp={2} /> },
          { label: t('admin.help.fields.contact'), cell: (c) => <Contact channel={c} /> },
          { label: t('admin.common.status'), cell: (c) => <ActiveBadge active={c.active} /> },
          { label: t('admin.common.actions'), width: 110, cell: (c) => <EditButton name={localized(c.names, language)} onClick={() => setForm({ channel: c })} /> },
        ]}
      />
      <HelpChannelModal channel={form?.channel ?? null} opened={form !== null} next={(channels.data?.length ?? 0) * 10} onClose={() => setForm(null)} />
    </Page>
  );
}

/** How a channel is reached: its phone (and option), its address. */
function Contact({ channel }: { channel: HelpChannelAdmin }) {
  const { t } = useTranslation();
  return (
    <>
      {channel.phone && <Text size="sm">{channel.option ? t('help.callOption', { phone: channel.phone, option: channel.option }) : channel.phone}</Text>}
      {channel.url && (
        <Anchor href={channel.url} target="_blank" rel="noreferrer" size="sm">
          {channel.url} <IconExternalLink size={12} aria-hidden />
        </Anchor>
      )}
      {!channel.phone && !channel.url && '—'}
    </>
  );
}

type Values = { names: Localized; descriptions: Localized; phone: string; option: string; url: string; position: number; active: boolean };

/** Adds a help channel or edits one: its texts in each language, how it is reached, its place and state. */
function HelpChannelModal({ channel, opened, next, onClose }: { channel: HelpChannelAdmin | null; opened: boolean; next: number; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const save = useSaveHelpChannel();
  const form = useDialogForm<Values>({
    opened,
    onClose,
    // A new channel goes last: its position waits for the list.
    subject: channel ?? next,
    initial: () => ({
      names: toLocalized(channel?.names),
      descriptions: toLocalized(channel?.descriptions),
      phone: channel?.phone ?? '',
      option: channel?.option ?? '',
      url: channel?.url ?? '',
      position: channel?.position ?? next,
      active: channel?.active ?? true,
    }),
  });

  const { values, set, errors } = form;

  function submit() {
    const input: HelpChannelWrite = {
      names: compactLocalized(values.names),
      descriptions: Object.fromEntries(Object.entries(values.descriptions).filter(([, v]) => v.trim())),
      position: values.position,
      active: values.active,
      ...(values.phone.trim() ? { phone: values.phone } : {}),
      ...(values.option.trim() ? { option: values.option } : {}),
      ...(values.url.trim() ? { url: values.url.trim() } : {}),
    };
    const result = check(helpChannelInput, input, translate);
    if (result.errors) return form.showErrors(result.errors, null);
    save.mutate({ id: channel?.id ?? null, input }, form.whenSaved((saved) => t('admin.common.savedNamed', { name: localized(saved.names, currentLanguage()) })));
  }

  return (
    <FormModal {...form.modal} size="xl" title={channel ? t('admin.common.editNamed', { name: localized(channel.names, currentLanguage()) }) : t('admin.help.new')} onSubmit={submit} saving={save.isPending}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LocalizedFields label={t('admin.help.fields.name')} value={values.names} onChange={(names) => set({ names })} errors={errors} errorPrefix="names" />
        <LocalizedFields label={t('admin.help.fields.description')} value={values.descriptions} onChange={(descriptions) => set({ descriptions })} errors={errors} errorPrefix="descriptions" required={false} multiline />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('admin.help.fields.phone')} type="tel" placeholder="4003 0015" value={values.phone} onChange={(e) => set({ phone: e.currentTarget.value })} error={errors.phone} />
        <TextInput label={t('admin.help.fields.option')} placeholder="5" value={values.option} onChange={(e) => set({ option: e.currentTarget.value })} error={errors.option} />
        <NumberInput label={t('admin.help.fields.position')} min={0} max={10000} allowDecimal={false} value={values.position} onChange={(v) => set({ position: typeof v === 'number' ? v : 0 })} error={errors.position} />
      </SimpleGrid>
      <TextInput label={t('admin.help.fields.url')} type="url" placeholder="https://" value={values.url} onChange={(e) => set({ url: e.currentTarget.value })} error={errors.url} />
      <Switch label={t('admin.help.fields.active')} description={t('admin.help.activeHelp')} checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
    </FormModal>
  );
}
