import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageHeader } from '../../ui/Page';
import { useMe } from '../auth/useMe';

/** The system administration is for system administrators; the server answers 403 to anyone else too. */
export function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (me?.staffRole !== 'admin') return <PageHeader title={t('errors.forbidden')} />;
  return <Outlet />;
}
