import { Anchor, Breadcrumbs, Button, Group, Text } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { positiveInt } from '../../app/format';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useMe } from '../auth/useMe';
import { useCompanyName } from './usePeople';

/** A "Meu espaço" page for the company its address names (/companies/:companyId/…); any other address is not found. */
export function forCompany(Page: ComponentType<{ companyId: number }>): ComponentType {
  return function CompanyPage() {
    const companyId = positiveInt(useParams().companyId);
    return companyId ? <Page companyId={companyId} /> : <NotFoundPage />;
  };
}

/** The four pages of a company's administration, by address. */
export function companyPages(companyId: number) {
  return {
    people: `/companies/${companyId}/people`,
    import: `/companies/${companyId}/import`,
    products: `/companies/${companyId}/products`,
    log: `/companies/${companyId}/log`,
  };
}

/** True when the signed-in person is a portal administrator of this company ("my" products, "my" space). */
export function useOwnCompany(companyId: number): boolean {
  const me = useMe().data;
  return Boolean(me?.memberships.some((m) => m.companyId === companyId && m.isPortalAdmin));
}

/**
 * Above a company page: for a system administrator, who reaches it from the companies list
 * (not from the menu), the way back and links to the company's other pages.
 */
export function CompanyTrail({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const name = useCompanyName(companyId);
  const { pathname } = useLocation();
  const own = useOwnCompany(companyId);
  if (me?.staffRole !== 'admin' || own) return null;
  const pages = companyPages(companyId);
  const links: [string, string][] = [
    [pages.people, t('people.nav.people')],
    [pages.import, t('people.nav.import')],
    [pages.products, t('people.nav.productsOther')],
    [pages.log, t('people.nav.log')],
  ];
  return (
    <Group justify="space-between" gap="sm" mb="xs">
      <Breadcrumbs component="nav" separator="›" aria-label={t('admin.common.breadcrumbs')}>
        <Anchor component={Link} to="/admin/companies" size="sm">
          {t('admin.nav.companies')}
        </Anchor>
        <Text size="sm">{name ?? t('people.companyNumber', { id: companyId })}</Text>
      </Breadcrumbs>
      <Group component="nav" gap={4} aria-label={t('people.nav.company')}>
        {links.map(([to, label]) => (
          <Button key={to} component={Link} to={to} size="compact-sm" variant={pathname === to ? 'light' : 'subtle'} aria-current={pathname === to ? 'page' : undefined}>
            {label}
          </Button>
        ))}
      </Group>
    </Group>
  );
}

/** The line under a company page's title: the company's name, when known. */
export function CompanyLine({ companyId, children }: { companyId: number; children?: ReactNode }) {
  const name = useCompanyName(companyId);
  return (
    <>
      {name && (
        <Text component="span" fw={600} c="dark">
          {name}
        </Text>
      )}
      {name && children ? ' — ' : ''}
      {children}
    </>
  );
}
