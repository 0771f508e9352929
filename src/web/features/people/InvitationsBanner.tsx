import { Alert, Anchor } from '@mantine/core';
import { IconBuildingPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useInvitations } from './useInvitations';

/** On every page of the shell, while a company's invitation waits for the signed-in person's answer. */
export function InvitationsBanner() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const invitations = useInvitations().data ?? [];
  if (!invitations.length || pathname === '/invitations') return null;
  return (
    <Alert color="blue" variant="light" mb="lg" icon={<IconBuildingPlus size={20} aria-hidden />} role="status">
      {t('people.invitations.banner', { company: invitations[0]!.companyName, n: invitations.length, count: invitations.length })}{' '}
      <Anchor component={Link} to="/invitations" fw={600}>
        {t('people.invitations.see')}
      </Anchor>
    </Alert>
  );
}
