import { Box, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditTable } from './AuditTable';
import { lineNames } from '../catalog/ServiceLinePicker';
import { Loaded } from '../../ui/ListStates';
import { PageHeader } from '../../ui/Page';
import { useAudit } from './useAudit';
import { useCatalog } from '../catalog/useCatalogAdmin';
import { useCompanies } from '../companies/useCompaniesAdmin';

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
  const events = audit.data?.pages.flatMap((p) => p.events);

  return (
    <Stack gap="lg">
      <PageHeader title={t('admin.audit.title')} description={t('admin.audit.intro')} />
      <Paper withBorder p="md" bg="gray.0" role="search" aria-label={t('admin.audit.filters')}>
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
      </Paper>
      <Loaded query={{ data: events, error: audit.error, isPending: audit.isPending }}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="xl">
              <Text ta="center">{t('admin.audit.empty')}</Text>
            </Paper>
          ) : (
            <Box style={{ opacity: audit.isPlaceholderData ? 0.6 : 1 }}>
              <AuditTable events={list} label={t('admin.audit.title')} lineNames={lineNames(catalog.data)} />
              {audit.hasNextPage && (
                <Group justify="center" mt="md">
                  <Button variant="default" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
                    {t('admin.audit.older')}
                  </Button>
                </Group>
              )}
            </Box>
          )
        }
      </Loaded>
    </Stack>
  );
}
