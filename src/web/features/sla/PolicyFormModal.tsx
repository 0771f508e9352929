import { Divider, MultiSelect, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { levels, type Level } from '../../../contracts/criticality';
import { localized } from '../../../contracts/languages';
import { policyInput, type PolicyTargets, type PolicyView } from '../../../contracts/sla-admin';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { check } from '../../ui/forms';
import type { Catalog } from '../catalog/useCatalogAdmin';
import { SlaPreview } from './SlaPreview';
import { defaultTargets, TargetsEditor } from './TargetsEditor';
import { useCalendars, useSavePolicy, useSupportTiers } from './useSlaAdmin';

type Values = {
  name: string;
  active: boolean;
  calendarId: number | null;
  pauseOnHold: boolean;
  channelIds: number[];
  serviceLineIds: number[];
  categoryIds: number[];
  companyIds: number[];
  supportTiers: string[];
  criticalities: Level[];
  targets: PolicyTargets;
};

const asStrings = (ids: number[]) => ids.map(String);
const asIds = (values: string[]) => values.map(Number);

/** Creates a policy or edits one: what it applies to, its calendar, its targets per criticality, with a preview. */
export function PolicyFormModal({ policy, catalog, opened, onClose }: { policy: PolicyView | null; catalog: Catalog; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const language = currentLanguage();
  const calendars = useCalendars().data ?? [];
  const tiers = useSupportTiers().data;
  const save = useSavePolicy();
  const form = useDialogForm<Values>({
    opened,
    onClose,
    subject: policy,
    initial: () => ({
      name: policy?.name ?? '',
      active: policy?.active ?? true,
      calendarId: policy?.calendarId ?? calendars[0]?.id ?? null,
      pauseOnHold: policy?.pauseOnHold ?? false,
      channelIds: policy?.match.channelIds ?? [],
      serviceLineIds: policy?.match.serviceLineIds ?? [],
      categoryIds: policy?.match.categoryIds ?? [],
      companyIds: policy?.match.companyIds ?? [],
      supportTiers: policy?.match.supportTiers ?? [],
      criticalities: policy?.match.criticalities ?? [],
      targets: policy ? ({ ...defaultTargets(), ...policy.targets } as PolicyTargets) : defaultTargets(),
    }),
  });
  const { values, set, errors } = form;

  function submit() {
    const { channelIds, serviceLineIds, categoryIds, companyIds, supportTiers, criticalities, ...rest } = values;
    const result = check(policyInput, { ...rest, match: { channelIds, serviceLineIds, categoryIds, companyIds, supportTiers, criticalities } }, translate);
    if (result.errors) return form.showErrors(result.errors, null);
    save.mutate({ id: policy?.id ?? null, revision: policy?.revision ?? 0, input: result.data }, form.whenSaved((saved) => t('slaAdmin.policies.saved', { name: saved.name })));
  }

  const name = (e: { name: string; names: Record<string, string> | null }) => (e.names ? localized(e.names, language) : e.name);
  const lines = catalog.service_line.filter((l) => l.active || values.serviceLineIds.includes(l.id));
  const matchError = (field: string) => errors[`match.${field}`];

  return (
    <FormModal {...form.modal} size="xl" title={policy ? t('admin.common.editNamed', { name: policy.name }) : t('slaAdmin.policies.new')} onSubmit={submit} saving={save.isPending}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput {...requiredField(t('slaAdmin.policies.fields.name'))} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
        <Select
          {...requiredField(t('slaAdmin.policies.fields.calendar'))}
          data={calendars.map((c) => ({ value: String(c.id), label: c.name }))}
          value={values.calendarId === null ? null : String(values.calendarId)}
          onChange={(v) => set({ calendarId: v ? Number(v) : null })}
          allowDeselect={false}
          error={errors.calendarId}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Switch label={t('slaAdmin.policies.fields.active')} description={t('slaAdmin.policies.fields.activeHelp')} checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
        <Switch label={t('slaAdmin.policies.fields.pauseOnHold')} description={t('slaAdmin.policies.fields.pauseOnHoldHelp')} checked={values.pauseOnHold} onChange={(e) => set({ pauseOnHold: e.currentTarget.checked })} />
      </SimpleGrid>
      <Divider />
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('slaAdmin.policies.matchTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('slaAdmin.policies.matchIntro')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('slaAdmin.policies.fields.criticalities')}
          placeholder={t('slaAdmin.policies.any')}
          data={levels.map((l) => ({ value: l, label: t(`criticality.levels.${l}`) }))}
          value={values.criticalities}
          onChange={(v) => set({ criticalities: v as Level[] }, 'match.criticalities')}
          error={matchError('criticalities')}
        />
        <MultiSelect
          label={t('slaAdmin.policies.fields.channels')}
          placeholder={t('slaAdmin.policies.any')}
          data={catalog.channel.map((c) => ({ value: String(c.id), label: name(c) }))}
          value={asStrings(values.channelIds)}
          onChange={(v) => set({ channelIds: asIds(v) }, 'match.channelIds')}
          error={matchError('channelIds')}
        />
        <MultiSelect
          label={t('slaAdmin.policies.fields.serviceLines')}
          placeholder={t('slaAdmin.policies.any')}
          searchable
          data={lines.map((l) => ({ value: String(l.id), label: l.name }))}
          value={asStrings(values.serviceLineIds)}
          onChange={(v) => set({ serviceLineIds: asIds(v) }, 'match.serviceLineIds')}
          error={matchError('serviceLineIds')}
        />
        <MultiSelect
          label={t('slaAdmin.policies.fields.categories')}
          placeholder={t('slaAdmin.policies.any')}
          data={catalog.category.map((c) => ({ value: String(c.id), label: name(c) }))}
          value={asStrings(values.categoryIds)}
          onChange={(v) => set({ categoryIds: asIds(v) }, 'match.categoryIds')}
          error={matchError('categoryIds')}
        />
        <MultiSelect
          label={t('slaAdmin.policies.fields.companies')}
          placeholder={t('slaAdmin.policies.any')}
          searchable
          data={(tiers?.companies ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={asStrings(values.companyIds)}
          onChange={(v) => set({ companyIds: asIds(v) }, 'match.companyIds')}
          error={matchError('companyIds')}
        />
        <TagsInput
          label={t('slaAdmin.policies.fields.supportTiers')}
          placeholder={t('slaAdmin.policies.any')}
          data={tiers?.tiers ?? []}
          value={values.supportTiers}
          onChange={(v) => set({ supportTiers: v }, 'match.supportTiers')}
          error={matchError('supportTiers')}
        />
      </SimpleGrid>
      <Divider />
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('slaAdmin.policies.targetsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('slaAdmin.policies.targetsIntro')}
        </Text>
      </Stack>
      <TargetsEditor targets={values.targets} onChange={(targets) => set({ targets }, ...Object.keys(errors).filter((k) => k.startsWith('targets')))} errors={errors} />
      <SlaPreview calendarId={values.calendarId} targets={values.targets} lines={(values.serviceLineIds.length ? lines.filter((l) => values.serviceLineIds.includes(l.id)) : lines).map((l) => ({ id: l.id, name: l.name }))} />
    </FormModal>
  );
}
