import { useTranslation } from 'react-i18next';
import { EmptyState, Loaded } from '../../ui/ListStates';
import { Page } from '../../ui/Page';
import { AuditTable } from '../audit/AuditTable';
import { CompanyLine, CompanyTrail, forCompany } from './CompanyContext';
import { useCompanyAudit } from './usePeople';

/** `/companies/:companyId/log`: who changed which contact of the company, when, and how. */
export const CompanyLogPage = forCompany(CompanyLog);

function CompanyLog({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const events = useCompanyAudit(companyId);
  return (
    <Page above={<CompanyTrail companyId={companyId} />} title={t('people.log.title')} description={<CompanyLine companyId={companyId}>{t('people.log.intro')}</CompanyLine>}>
      <Loaded query={events}>{(list) => (list.length === 0 ? <EmptyState text={t('people.log.empty')} /> : <AuditTable events={list} label={t('people.log.title')} />)}</Loaded>
    </Page>
  );
}
