import { ActionIcon, Alert, Anchor, Badge, Box, Button, Divider, Group, Menu, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconBuildingPlus, IconDots, IconEdit, IconListCheck, IconPlayerPlay, IconSearch, IconUsers, IconUserOff } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { companyInput, companyUpdate } from '../../../contracts/admin';
import { countryName } from '../../../contracts/countries';
import { languages, type Language } from '../../../contracts/i18n';
import { fieldLabel } from '../../app/FieldLabel';
import { currentLanguage } from '../../app/i18n';
import { PageLoader } from '../../app/PageLoader';
import { useTranslate } from '../../app/useTranslate';
import { formatCnpj } from '../people/format';
import { ServiceLinePicker } from './ServiceLinePicker';
import { check, ConfirmDialog, errorText, FormAlert, PageHeader, serverErrors } from './ui';
import { useCatalog, useCompanies, useCompanyActions, type Catalog, type Company } from './useAdmin';
import { useCountryOptions } from './useCountryOptions';

/** `/admin/companies`: the customer companies, their first portal administrator, entitlements and state. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const companies = useCompanies(debounced);
  const catalog = useCatalog();
  const actions = useCompanyActions();
  const [form, setForm] = useState<{ company: Company | null } | null>(null);
  const [entitling, setEntitling] = useState<Company | null>(null);
  const [toDeactivate, setToDeactivate] = useState<Company | null>(null);
  const codes = new Map((catalog.data?.service_line ?? []).map((l) => [l.id, l.code ?? l.name]));
  const list = companies.data ?? [];

  const setActive = (company: Company, active: boolean) =>
    actions.update.mutate(
      { id: company.id, patch: { active } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t(active ? 'admin.companies.reactivated' : 'admin.companies.deactivated', { name: company.name }) });
          setToDeactivate(null);
        },
        // Deactivating shows its error in the dialog that asked; reactivating has no dialog.
        onError: (error) => {
          if (active) notifications.show({ color: 'red', message: errorText(error, t('errors.internal')) });
        },
      },
    );

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

      {companies.isPending ? (
        <PageLoader />
      ) : companies.isError ? (
        <Alert color="red">{companies.error.message}</Alert>
      ) : list.length === 0 ? (
        <Paper withBorder p="xl">
          <Stack align="center" gap="xs">
            <ThemeIcon variant="light" color="gray" size={48} radius="xl">
              <IconBuilding size={26} aria-hidden />
            </ThemeIcon>
            <Text fw={600}>{debounced ? t('admin.companies.emptyFiltered') : t('admin.companies.empty')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Box style={{ opacity: companies.isPlaceholderData ? 0.6 : 1 }}>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={860} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('admin.companies.title')}>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.companies.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('admin.companies.fields.cnpj')}</Table.Th>
                    <Table.Th scope="col">{t('admin.companies.fields.country')}</Table.Th>
                    <Table.Th scope="col">{t('admin.companies.fields.lines')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('admin.companies.fields.people')}
                    </Table.Th>
                    <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                    <Table.Th scope="col" w={60}>
                      {t('admin.common.actions')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                        <Badge variant="dot" color={c.active ? 'teal' : 'gray'} radius="sm" miw="max-content">
                          {c.active ? t('admin.common.active') : t('admin.common.inactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('admin.common.actionsFor', { name: c.name })}>
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setForm({ company: c })}>
                              {t('admin.common.edit')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconListCheck size={16} aria-hidden />} onClick={() => setEntitling(c)}>
                              {t('admin.companies.entitlements')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconUsers size={16} aria-hidden />} component={Link} to={`/companies/${c.id}/people`}>
                              {t('admin.companies.contacts')}
                            </Menu.Item>
                            <Menu.Divider />
                            {c.active ? (
                              <Menu.Item
                                color="red"
                                leftSection={<IconUserOff size={16} aria-hidden />}
                                onClick={() => {
                                  actions.update.reset();
                                  setToDeactivate(c);
                                }}
                              >
                                {t('admin.common.deactivate')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => setActive(c, true)}>
                                {t('admin.common.reactivate')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {list.length >= 200 && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('admin.companies.refine')}
            </Text>
          )}
        </Box>
      )}

      {catalog.data && (
        <>
          <CompanyFormModal catalog={catalog.data} company={form?.company ?? null} opened={form !== null} onClose={() => setForm(null)} />
          <EntitlementsModal catalog={catalog.data} company={entitling} onClose={() => setEntitling(null)} />
        </>
      )}
      <ConfirmDialog
        opened={toDeactivate !== null}
        title={t('admin.companies.deactivateTitle', { name: toDeactivate?.name ?? '' })}
        confirmLabel={t('admin.common.deactivate')}
        loading={actions.update.isPending}
        error={errorText(actions.update.error, t('errors.internal'))}
        onClose={() => setToDeactivate(null)}
        onConfirm={() => toDeactivate && setActive(toDeactivate, false)}
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
  const initial = (): CompanyValues => ({
    name: company?.name ?? '',
    cnpj: formatCnpj(company?.cnpj),
    country: company?.country ?? 'BR',
    adminName: '',
    adminEmail: '',
    adminLanguage: currentLanguage(),
    lines: company?.serviceLineIds ?? [],
  });
  const [values, setValues] = useState<CompanyValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const editing = company !== null;
  const saving = create.isPending || update.isPending || entitle.isPending;

  // Each opening starts from the company shown (or from blank).
  useEffect(() => {
    if (!opened) return;
    setValues(initial());
    setErrors({});
    setAlert(null);
  }, [opened, company]);

  const set = (patch: Partial<CompanyValues>, ...fields: string[]) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k))));
  };

  const showErrors = (found: Record<string, string>, message: string | null) => {
    const own = Object.fromEntries(Object.entries(found).filter(([k]) => companyFields.includes(k)));
    const rest = Object.entries(found).filter(([k]) => !companyFields.includes(k)).map(([, m]) => m);
    setErrors(own);
    setAlert(message ?? (rest.length ? rest.join(' ') : Object.keys(own).length ? t('errors.validation') : null));
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  const failed = (error: unknown) => {
    const { fields, alert: message } = serverErrors(error, t('errors.internal'));
    showErrors(fields, message);
  };

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
              notifications.show({ color: 'teal', message: t('admin.companies.created', { name: created.name, email: result.data.firstAdmin.email }) });
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
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('admin.common.savedNamed', { name: saved.name }) });
          onClose();
        },
        onError: failed,
      },
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={editing ? t('admin.companies.editTitle', { name: company.name }) : t('admin.companies.new')}
      closeButtonProps={{ 'aria-label': t('admin.common.close') }}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={alert} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={fieldLabel(t('admin.companies.fields.name'), true)}
              required
              withAsterisk={false}
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
              label={fieldLabel(t('admin.companies.fields.country'), true)}
              required
              withAsterisk={false}
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
                    label={fieldLabel(t('admin.companies.fields.adminName'), true)}
                    required
                    withAsterisk={false}
                    value={values.adminName}
                    onChange={(e) => set({ adminName: e.currentTarget.value }, 'firstAdmin.name')}
                    error={errors['firstAdmin.name']}
                  />
                  <TextInput
                    label={fieldLabel(t('admin.companies.fields.adminEmail'), true)}
                    required
                    withAsterisk={false}
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
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('admin.common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {editing ? t('admin.common.save') : t('admin.companies.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
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
    <Modal
      opened={company !== null}
      onClose={onClose}
      size="xl"
      title={t('admin.companies.entitlementsOf', { name: company?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('admin.common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!company) return;
          entitle.mutate(
            { id: company.id, serviceLineIds: lines },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('admin.common.savedNamed', { name: company.name }) });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('admin.companies.entitlementsHelp')}</Text>
          <FormAlert message={errorText(entitle.error, t('errors.internal'))} />
          <ServiceLinePicker catalog={catalog} label={t('admin.companies.entitlements')} value={lines} onChange={setLines} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('admin.common.cancel')}
            </Button>
            <Button type="submit" loading={entitle.isPending}>
              {t('admin.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
