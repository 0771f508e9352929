import { Anchor, Badge, Button, Divider, Group, Menu, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconBuildingPlus, IconListCheck, IconSearch, IconUsers } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { companyInput, companyUpdate } from '../../../contracts/admin';
import { countryName } from '../../../contracts/countries';
import { languages, type Language } from '../../../contracts/i18n';
import { DataTable } from '../../ui/DataTable';
import { currentLanguage } from '../../app/i18n';
import { ListStates } from '../../ui/ListStates';
import { useTranslate } from '../../app/useTranslate';
import { formatCnpj } from '../people/format';
import { ServiceLinePicker } from '../catalog/ServiceLinePicker';
import { FormModal, requiredField, useDialogForm, ConfirmDialog } from '../../ui/FormModal';
import { notifyDone } from '../../ui/notify';
import { ActiveMenuItem, EditMenuItem, RowMenu, useActiveToggle } from '../../ui/RowActions';
import { ActiveBadge } from '../../ui/badges';
import { check, errorText } from '../../ui/forms';
import { PageHeader } from '../../ui/Page';
import { useCatalog, type Catalog } from '../catalog/useCatalogAdmin';
import { useCompanies, useCompanyActions, type Company } from './useCompaniesAdmin';
import { useCountryOptions } from '../../app/useCountryOptions';

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
  const codes = new Map((catalog.data?.service_line ?? []).map((l) => [l.id, l.code ?? l.name]));
  const list = companies.data ?? [];
  const activity = useActiveToggle<Company>({
    mutation: update,
    change: (company, active, callbacks) => update.mutate({ id: company.id, patch: { active } }, callbacks),
    doneMessage: (company, active) => t(active ? 'admin.companies.reactivated' : 'admin.companies.deactivated', { name: company.name }),
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('admin.companies.title')}
        description={t('admin.companies.intro')}
        actions={
          <Button leftSection={<IconBuildingPlus size={18} aria-hidden />} onClick={() => setForm({ company: null })} disabled={!catalog.data}>
            {t('admin.companies.new')}
          </Button>
        }
      />
      <Paper withBorder p="md" bg="gray.0" role="search" aria-label={t('admin.companies.filters')}>
        <TextInput
          type="search"
          label={t('admin.common.search')}
          placeholder={t('admin.companies.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={480}
        />
      </Paper>

      <ListStates
        query={companies}
        empty={list.length === 0}
        emptyIcon={<IconBuilding size={26} aria-hidden />}
        emptyText={debounced ? t('admin.companies.emptyFiltered') : t('admin.companies.empty')}
      >
        <DataTable
          minWidth={860}
          label={t('admin.companies.title')}
          columns={[
            { label: t('admin.companies.fields.name') },
            { label: t('admin.companies.fields.cnpj') },
            { label: t('admin.companies.fields.country') },
            { label: t('admin.companies.fields.lines') },
            { label: t('admin.companies.fields.people'), align: 'right' },
            { label: t('admin.common.status') },
            { label: t('admin.common.actions'), width: 60 },
          ]}
        >
          {list.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/companies/${c.id}/people`} fw={600} size="sm">
                  {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatCnpj(c.cnpj) || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{countryName(c.country, currentLanguage())}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {c.serviceLineIds.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('admin.companies.noLines')}
                    </Text>
                  ) : (
                    c.serviceLineIds.map((id) => (
                      <Badge key={id} variant="outline" color="gray" radius="sm" tt="none">
                        {codes.get(id) ?? id}
                      </Badge>
                    ))
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{c.people}</Table.Td>
              <Table.Td>
                <ActiveBadge active={c.active} />
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
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
      <ConfirmDialog
        {...activity.dialog}
        title={t('admin.companies.deactivateTitle', { name: activity.toDeactivate?.name ?? '' })}
        confirmLabel={t('admin.common.deactivate')}
      >
        <Text size="sm">{t('admin.companies.deactivateBody')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}

type CompanyValues = { name: string; cnpj: string; country: string; adminName: string; adminEmail: string; adminLanguage: Language; lines: number[] };

const companyFields = ['name', 'cnpj', 'country', 'firstAdmin.name', 'firstAdmin.email', 'firstAdmin.language', 'serviceLineIds'];

/** Creates a company with its first portal administrator (who is invited) and its lines, or edits one. */
function CompanyFormModal({ catalog, company, opened, onClose }: { catalog: Catalog; company: Company | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const countries = useCountryOptions();
  const { create, update, entitle } = useCompanyActions();
  const { values, set, errors, alert, setAlert, formRef, showErrors, failed, whenSaved } = useDialogForm<CompanyValues>({
    opened,
    onClose,
    subject: company,
    initial: () => ({
      name: company?.name ?? '',
      cnpj: formatCnpj(company?.cnpj),
      country: company?.country ?? 'BR',
      adminName: '',
      adminEmail: '',
      adminLanguage: currentLanguage(),
      lines: company?.serviceLineIds ?? [],
    }),
    ownFields: companyFields,
  });
  const editing = company !== null;
  const saving = create.isPending || update.isPending || entitle.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
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
            entitle.mutate({ id: created.id, serviceLineIds: values.lines }, { onSuccess: done, onError: (error) => setAlert(errorText(error, t('errors.internal'))) });
          },
          onError: failed,
        },
      );
      return;
    }
    const result = check(companyUpdate, { name: values.name, cnpj: values.cnpj, country: values.country }, translate);
    if (result.errors) return showErrors(result.errors, null);
    update.mutate(
      { id: company.id, patch: { name: result.data.name, cnpj: result.data.cnpj ?? '', country: result.data.country } },
      whenSaved((saved) => t('admin.common.savedNamed', { name: saved.name })),
    );
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={editing ? t('admin.companies.editTitle', { name: company.name }) : t('admin.companies.new')}
      formRef={formRef}
      onSubmit={submit}
      alert={alert}
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
            <Title order={2} size="h5" id="first-admin">
              {t('admin.companies.firstAdmin')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('admin.companies.firstAdminHelp')}
            </Text>
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
              <Select
                label={t('admin.companies.fields.adminLanguage')}
                allowDeselect={false}
                data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                value={values.adminLanguage}
                onChange={(v) => v && set({ adminLanguage: v as Language })}
              />
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
      onSubmit={(e) => {
        e.preventDefault();
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
