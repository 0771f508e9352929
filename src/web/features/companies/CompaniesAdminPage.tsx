import { Anchor, Divider, Menu, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconBuildingPlus, IconListCheck, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { companyInput, companyUpdate } from '../../../contracts/admin';
import { countryName } from '../../../contracts/countries';
import type { Language } from '../../../contracts/languages';
import { currentLanguage } from '../../app/i18n';
import { useCountryOptions } from '../../app/useCountryOptions';
import { useTranslate } from '../../app/useTranslate';
import { ActiveBadge, CodeBadges } from '../../ui/badges';
import { DataTable } from '../../ui/DataTable';
import { ConfirmDialog, FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { check, errorText } from '../../ui/forms';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { ListStates } from '../../ui/ListStates';
import { notifyDone } from '../../ui/notify';
import { FilterBar, Page, SectionHeading } from '../../ui/Page';
import { ActiveMenuItem, EditMenuItem, RowMenu, useActiveToggle } from '../../ui/RowActions';
import { SearchField } from '../../ui/SearchField';
import { lineCodes, ServiceLinePicker } from '../catalog/ServiceLinePicker';
import { useCatalog, type Catalog } from '../catalog/useCatalogAdmin';
import { formatCnpj } from '../people/format';
import { CompanySupportTier } from '../sla/CompanySupportTier';
import { useCompanies, useCompanyActions, type Company } from './useCompaniesAdmin';

/** `/admin/companies`: the customer companies, their first portal administrator, entitlements and state. */
export function CompaniesAdminPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const companies = useCompanies(debounced);
  const catalog = useCatalog();
  const { update } = useCompanyActions();
  const [form, setForm] = useState<{ company: Company | null } | null>(null);
  const [entitling, setEntitling] = useState<Company | null>(null);
  const codes = lineCodes(catalog.data);
  const list = companies.data ?? [];
  const activity = useActiveToggle<Company>({
    mutation: update,
    change: (company, active, callbacks) => update.mutate({ id: company.id, patch: { active } }, callbacks),
    doneMessage: (company, active) => t(active ? 'admin.companies.reactivated' : 'admin.companies.deactivated', { name: company.name }),
  });

  return (
    <Page
      title={t('admin.companies.title')}
      description={t('admin.companies.intro')}
      primary={{ label: t('admin.companies.new'), icon: <IconBuildingPlus size={18} aria-hidden />, onClick: () => setForm({ company: null }), disabled: !catalog.data }}
    >
      <FilterBar label={t('admin.companies.filters')}>
        <SearchField label={t('admin.common.search')} placeholder={t('admin.companies.searchPlaceholder')} value={q} onChange={setQ} maw={480} />
      </FilterBar>

      <ListStates
        query={companies}
        empty={list.length === 0}
        emptyIcon={<IconBuilding size={26} aria-hidden />}
        emptyText={debounced ? t('admin.companies.emptyFiltered') : t('admin.companies.empty')}
      >
        <DataTable
          rows={list}
          minWidth={860}
          label={t('admin.companies.title')}
          columns={[
            {
              label: t('admin.companies.fields.name'),
              cell: (c) => (
                <Anchor component={Link} to={`/companies/${c.id}/people`} fw={600} size="sm">
                  {c.name}
                </Anchor>
              ),
            },
            {
              label: t('admin.companies.fields.cnpj'),
              cell: (c) => (
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatCnpj(c.cnpj) || '—'}
                </Text>
              ),
            },
            { label: t('admin.companies.fields.country'), cell: (c) => countryName(c.country, currentLanguage()) },
            { label: t('admin.companies.fields.lines'), cell: (c) => <CodeBadges codes={c.serviceLineIds.map((id) => codes.get(id) ?? id)} empty={t('admin.companies.noLines')} /> },
            { label: t('admin.companies.fields.people'), align: 'right', cell: (c) => c.people },
            { label: t('slaAdmin.tiers.column'), cell: (c) => <CompanySupportTier company={c} /> },
            { label: t('admin.common.status'), cell: (c) => <ActiveBadge active={c.active} /> },
            {
              label: t('admin.common.actions'),
              width: 60,
              cell: (c) => (
                <RowMenu label={t('admin.common.actionsFor', { name: c.name })}>
                  <EditMenuItem onClick={() => setForm({ company: c })} />
                  <Menu.Item leftSection={<IconListCheck size={16} aria-hidden />} onClick={() => setEntitling(c)}>
                    {t('admin.companies.entitlements')}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconUsers size={16} aria-hidden />} component={Link} to={`/companies/${c.id}/people`}>
                    {t('admin.companies.contacts')}
                  </Menu.Item>
                  <Menu.Divider />
                  <ActiveMenuItem active={c.active} onDeactivate={() => activity.askToDeactivate(c)} onReactivate={() => activity.reactivate(c)} />
                </RowMenu>
              ),
            },
          ]}
        />
        {list.length >= 200 && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('admin.companies.refine')}
          </Text>
        )}
      </ListStates>

      {catalog.data && (
        <>
          <CompanyFormModal catalog={catalog.data} company={form?.company ?? null} opened={form !== null} onClose={() => setForm(null)} />
          <EntitlementsModal catalog={catalog.data} company={entitling} onClose={() => setEntitling(null)} />
        </>
      )}
      <ConfirmDialog {...activity.dialog} title={t('admin.companies.deactivateTitle', { name: activity.toDeactivate?.name ?? '' })} confirmLabel={t('admin.common.deactivate')}>
        <Text size="sm">{t('admin.companies.deactivateBody')}</Text>
      </ConfirmDialog>
    </Page>
  );
}

type CompanyValues = { name: string; cnpj: string; country: string; adminName: string; adminEmail: string; adminLanguage: Language; lines: number[] };

const companyFields = ['name', 'cnpj', 'country', 'firstAdmin.name', 'firstAdmin.email', 'firstAdmin.language', 'serviceLineIds'];

/** The form's values for a company, or empty ones (Brazil, the interface language) for a new one. */
function companyValues(company: Company | null): CompanyValues {
  return {
    name: company?.name ?? '',
    cnpj: formatCnpj(company?.cnpj),
    country: company?.country ?? 'BR',
    adminName: '',
    adminEmail: '',
    adminLanguage: currentLanguage(),
    lines: company?.serviceLineIds ?? [],
  };
}

/** Creates a company with its first portal administrator (who is invited) and its lines, or edits one. */
function CompanyFormModal({ catalog, company, opened, onClose }: { catalog: Catalog; company: Company | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const countries = useCountryOptions();
  const { create, update, entitle } = useCompanyActions();
  const form = useDialogForm<CompanyValues>({ opened, onClose, subject: company, initial: () => companyValues(company), ownFields: companyFields });
  const { values, set, errors, showErrors } = form;
  const editing = company !== null;
  const saving = create.isPending || update.isPending || entitle.isPending;

  function submit() {
    if (saving) return;
    if (!editing) {
      const result = check(
        companyInput,
        { name: values.name, cnpj: values.cnpj, country: values.country, firstAdmin: { name: values.adminName, email: values.adminEmail, language: values.adminLanguage } },
        translate,
      );
      if (result.errors) return showErrors(result.errors, null);
      create.mutate(
        { ...result.data, cnpj: result.data.cnpj ?? undefined },
        {
          onSuccess: (created) => {
            const done = () => {
              notifyDone(t('admin.companies.created', { name: created.name, email: result.data.firstAdmin.email }));
              onClose();
            };
            if (values.lines.length === 0) return done();
            // The company exists: a failure here leaves it without lines, which the list shows and the menu fixes.
            entitle.mutate({ id: created.id, serviceLineIds: values.lines }, { onSuccess: done, onError: (error) => form.setAlert(errorText(error, t('errors.internal'))) });
          },
          onError: form.failed,
        },
      );
      return;
    }
    const result = check(companyUpdate, { name: values.name, cnpj: values.cnpj, country: values.country }, translate);
    if (result.errors) return showErrors(result.errors, null);
    update.mutate(
      { id: company.id, patch: { name: result.data.name, cnpj: result.data.cnpj ?? '', country: result.data.country } },
      form.whenSaved((saved) => t('admin.common.savedNamed', { name: saved.name })),
    );
  }

  return (
    <FormModal
      {...form.modal}
      size="xl"
      title={editing ? t('admin.companies.editTitle', { name: company.name }) : t('admin.companies.new')}
      onSubmit={submit}
      saving={saving}
      submitLabel={editing ? t('admin.common.save') : t('admin.companies.create')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          {...requiredField(t('admin.companies.fields.name'))}
          value={values.name}
          onChange={(e) => set({ name: e.currentTarget.value }, 'name')}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label={t('admin.companies.fields.cnpj')}
          inputMode="numeric"
          placeholder="00.000.000/0000-00"
          value={values.cnpj}
          onChange={(e) => set({ cnpj: e.currentTarget.value }, 'cnpj')}
          error={errors.cnpj}
        />
        <Select
          {...requiredField(t('admin.companies.fields.country'))}
          searchable
          allowDeselect={false}
          data={countries}
          value={values.country}
          onChange={(v) => v && set({ country: v }, 'country')}
          error={errors.country}
        />
      </SimpleGrid>
      {!editing && (
        <>
          <Divider />
          <Stack gap="xs" component="section" aria-labelledby="first-admin">
            <SectionHeading id="first-admin" size="h5" title={t('admin.companies.firstAdmin')} intro={t('admin.companies.firstAdminHelp')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                {...requiredField(t('admin.companies.fields.adminName'))}
                value={values.adminName}
                onChange={(e) => set({ adminName: e.currentTarget.value }, 'firstAdmin.name')}
                error={errors['firstAdmin.name']}
              />
              <TextInput
                {...requiredField(t('admin.companies.fields.adminEmail'))}
                type="email"
                value={values.adminEmail}
                onChange={(e) => set({ adminEmail: e.currentTarget.value }, 'firstAdmin.email')}
                error={errors['firstAdmin.email']}
              />
              <LanguageSelect label={t('admin.companies.fields.adminLanguage')} value={values.adminLanguage} onChange={(adminLanguage) => set({ adminLanguage })} />
            </SimpleGrid>
          </Stack>
          <ServiceLinePicker catalog={catalog} label={t('admin.companies.entitlements')} value={values.lines} onChange={(lines) => set({ lines })} error={errors.serviceLineIds} />
        </>
      )}
    </FormModal>
  );
}

/** The service lines a company may open tickets for. */
function EntitlementsModal({ catalog, company, onClose }: { catalog: Catalog; company: Company | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { entitle } = useCompanyActions();
  const [lines, setLines] = useState<number[]>([]);
  useEffect(() => {
    if (company) {
      setLines(company.serviceLineIds);
      entitle.reset();
    }
  }, [company]);
  return (
    <FormModal
      opened={company !== null}
      onClose={onClose}
      size="xl"
      title={t('admin.companies.entitlementsOf', { name: company?.name ?? '' })}
      onSubmit={() => {
        if (!company) return;
        entitle.mutate(
          { id: company.id, serviceLineIds: lines },
          {
            onSuccess: () => {
              notifyDone(t('admin.common.savedNamed', { name: company.name }));
              onClose();
            },
          },
        );
      }}
      note={<Text size="sm">{t('admin.companies.entitlementsHelp')}</Text>}
      alert={errorText(entitle.error, t('errors.internal'))}
      saving={entitle.isPending}
    >
      <ServiceLinePicker catalog={catalog} label={t('admin.companies.entitlements')} value={lines} onChange={setLines} />
    </FormModal>
  );
}
