import { Anchor, Button, NumberInput, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { helpChannelInput } from '../../../contracts/admin';
import { localized } from '../../../contracts/i18n';
import { DataTable } from '../../ui/DataTable';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { FormModal, useDialogForm } from '../../ui/FormModal';
import { EditButton } from '../../ui/RowActions';
import { ActiveBadge } from '../../ui/badges';
import { check } from '../../ui/forms';
import { compactLocalized, LocalizedFields, toLocalized, type Localized } from '../../ui/LocalizedFields';
import { Loaded } from '../../ui/ListStates';
import { PageHeader } from '../../ui/Page';
import { useHelpChannels, useSaveHelpChannel, type HelpChannelAdmin, type HelpChannelWrite } from './useHelpAdmin';

/** `/admin/help-channels`: the "Canais de atendimento" the help page lists, before and after sign-in. */
export function HelpChannelsAdminPage() {
  const { t } = useTranslation();
  const channels = useHelpChannels();
  const [form, setForm] = useState<{ channel: HelpChannelAdmin | null } | null>(null);
  const language = currentLanguage();

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('admin.help.title')}
        description={
          <>
            {t('admin.help.intro')}{' '}
            <Anchor component={Link} to="/help" underline="always">
              {t('admin.help.seePage')}
            </Anchor>
          </>
        }
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setForm({ channel: null })}>
            {t('admin.help.new')}
          </Button>
        }
      />
      <Loaded query={channels}>
        {(list) => (
          <DataTable
            minWidth={760}
            label={t('admin.help.title')}
            columns={[
              { label: t('admin.help.fields.position'), width: 70 },
              { label: t('admin.help.fields.name') },
              { label: t('admin.help.fields.contact') },
              { label: t('admin.common.status') },
              { label: t('admin.common.actions'), width: 110 },
            ]}
          >
            {list.map((c) => {
              const name = localized(c.names, language);
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.position}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {name}
                    </Text>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {localized(c.descriptions, language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.phone && <Text size="sm">{c.option ? t('help.callOption', { phone: c.phone, option: c.option }) : c.phone}</Text>}
                    {c.url && (
                      <Anchor href={c.url} target="_blank" rel="noreferrer" size="sm">
                        {c.url} <IconExternalLink size={12} aria-hidden />
                      </Anchor>
                    )}
                    {!c.phone && !c.url && '—'}
                  </Table.Td>
                  <Table.Td>
                    <ActiveBadge active={c.active} />
                  </Table.Td>
                  <Table.Td>
                    <EditButton name={name} onClick={() => setForm({ channel: c })} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        )}
      </Loaded>
      <HelpChannelModal channel={form?.channel ?? null} opened={form !== null} next={(channels.data?.length ?? 0) * 10} onClose={() => setForm(null)} />
    </Stack>
  );
}

type Values = { names: Localized; descriptions: Localized; phone: string; option: string; url: string; position: number; active: boolean };

function HelpChannelModal({ channel, opened, next, onClose }: { channel: HelpChannelAdmin | null; opened: boolean; next: number; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const save = useSaveHelpChannel();
  const { values, set, errors, alert, formRef, showErrors, whenSaved } = useDialogForm<Values>({
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

  function submit(event: FormEvent) {
    event.preventDefault();
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
    if (result.errors) return showErrors(result.errors, null);
    save.mutate(
      { id: channel?.id ?? null, input },
      whenSaved((saved) => t('admin.common.savedNamed', { name: localized(saved.names, currentLanguage()) })),
    );
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={channel ? t('admin.common.editNamed', { name: localized(channel.names, currentLanguage()) }) : t('admin.help.new')}
      formRef={formRef}
      onSubmit={submit}
      alert={alert}
      saving={save.isPending}
    >
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
