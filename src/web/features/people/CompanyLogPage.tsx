import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../app/NotFoundPage';
import { AuditTable } from '../audit/AuditTable';
import { Loaded } from '../../ui/ListStates';
import { PageHeader } from '../../ui/Page';
import { CompanyLine, CompanyTrail, useCompanyId } from './CompanyContext';
import { useCompanyAudit } from './usePeople';

/** `/companies/:companyId/log`: who changed which contact of the company, when, and how. */
export function CompanyLogPage() {
  const companyId = useCompanyId();
  if (!companyId) return <NotFoundPage />;
  return <CompanyLog companyId={companyId} />;
}

function CompanyLog({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const events = useCompanyAudit(companyId);
  return (
    <Stack gap="lg">
      <PageHeader above={<CompanyTrail companyId={companyId} />} title={t('people.log.title')} description={<CompanyLine companyId={companyId}>{t('people.log.intro')}</CompanyLine>} />
      <Loaded query={events}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="xl">
              <Text ta="center">{t('people.log.empty')}</Text>
            </Paper>
          ) : (
            <AuditTable events={list} label={t('people.log.title')} />
          )
        }
      </Loaded>
    </Stack>
  );
}
