import { Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListStates } from '../../ui/ListStates';
import { FilterBar, Page } from '../../ui/Page';
import { lineNames } from '../catalog/ServiceLinePicker';
import { useCatalog } from '../catalog/useCatalogAdmin';
import { useCompanies } from '../companies/useCompaniesAdmin';
import { AuditTable } from './AuditTable';
import { useAudit } from './useAudit';

/** Prefixes of the logged actions, for the filter ("contact" finds contact.created, contact.updated…). */
const areas = ['company', 'contact', 'contacts', 'email', 'catalog', 'criticality', 'agent', 'group', 'help_channel', 'mail'] as const;

/** `/admin/audit`: every administrative act, newest first: who, when, what, before → after. */
export function AuditPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState<string | null>(null);
  const [companyId, setCompanyId] = useState<string | null>(null);
  const audit = useAudit({ action: action ?? '', companyId: companyId ? Number(companyId) : null });
  const companies = useCompanies();
  const catalog = useCatalog();
  const events = audit.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <Page title={t('admin.audit.title')} description={t('admin.audit.intro')}>
      <FilterBar label={t('admin.audit.filters')}>
        <Group gap="md" align="flex-end">
          <Select
            label={t('admin.audit.area')}
            placeholder={t('admin.audit.allAreas')}
            clearable
            clearButtonProps={{ 'aria-label': t('admin.audit.clearArea') }}
            data={areas.map((a) => ({ value: a, label: t(`admin.audit.areas.${a}`) }))}
            value={action}
            onChange={setAction}
            w={260}
          />
          <Select
            label={t('admin.audit.company')}
            placeholder={t('admin.audit.allCompanies')}
            clearable
            searchable
            clearButtonProps={{ 'aria-label': t('admin.audit.clearCompany') }}
            nothingFoundMessage={t('ticketForm.nothingFound')}
            data={(companies.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={companyId}
            onChange={setCompanyId}
            w={300}
          />
        </Group>
      </FilterBar>
      <ListStates query={audit} empty={events.length === 0} emptyText={t('admin.audit.empty')} loadMoreLabel={t('admin.audit.older')}>
        <AuditTable events={events} label={t('admin.audit.title')} lineNames={lineNames(catalog.data)} />
      </ListStates>
    </Page>
  );
}
