import { Autocomplete, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, useDialogForm } from '../../ui/FormModal';
import { useSaveSupportTier, useSupportTiers } from './useSlaAdmin';

/** A company's support tier in the companies' table: the tier, and a button to change it. */
export function CompanySupportTier({ company }: { company: { id: number; name: string } }) {
  const { t } = useTranslation();
  const tiers = useSupportTiers().data;
  const [editing, setEditing] = useState(false);
  const tier = tiers?.companies.find((c) => c.id === company.id)?.supportTier ?? null;
  return (
    <>
      <Button variant="subtle" size="compact-sm" color={tier ? undefined : 'gray'} onClick={() => setEditing(true)} disabled={!tiers} aria-label={t('slaAdmin.tiers.edit', { name: company.name })}>
        {tier ?? t('slaAdmin.tiers.none')}
      </Button>
      <SupportTierModal company={company} tier={tier} choices={tiers?.tiers ?? []} opened={editing} onClose={() => setEditing(false)} />
    </>
  );
}

function SupportTierModal({ company, tier, choices, opened, onClose }: { company: { id: number; name: string }; tier: string | null; choices: string[]; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSupportTier();
  const form = useDialogForm({ opened, onClose, subject: tier, initial: () => ({ supportTier: tier ?? '' }) });
  const submit = () =>
    save.mutate(
      { companyId: company.id, input: { supportTier: form.values.supportTier.trim() || null, previous: tier } },
      form.whenSaved(() => t('slaAdmin.tiers.saved', { name: company.name })),
    );
  return (
    <FormModal {...form.modal} title={t('slaAdmin.tiers.edit', { name: company.name })} onSubmit={submit} saving={save.isPending}>
      <Autocomplete
        label={t('slaAdmin.tiers.column')}
        data={choices}
        value={form.values.supportTier}
        onChange={(supportTier) => form.set({ supportTier })}
        error={form.errors.supportTier}
        data-autofocus
      />
      <Text size="sm" c="dimmed">
        {t('slaAdmin.tiers.help')}
      </Text>
    </FormModal>
  );
}
