import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../../contracts/people';
import { formatDateTime } from '../../app/format';
import { EmptyState, Loaded } from '../../ui/ListStates';
import { Page } from '../../ui/Page';
import { useAnswerInvitation, useInvitations } from './useInvitations';

/**
 * `/invitations`: the companies that invited the signed-in person, who has an account already.
 * Accepting makes them a contact of the company; until then the company sees only what it typed.
 */
export function InvitationsPage() {
  const { t } = useTranslation();
  const invitations = useInvitations();
  return (
    <Page title={t('people.invitations.title')} description={t('people.invitations.intro')}>
      <Loaded query={invitations}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState text={t('people.invitations.empty')} />
          ) : (
            <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
              {list.map((invitation) => (
                <Invitation key={invitation.id} invitation={invitation} />
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Page>
  );
}

/** One invitation: who invited, when, what accepting means, and the two answers. */
function Invitation({ invitation }: { invitation: InvitationView }) {
  const { t } = useTranslation();
  const { accept, decline } = useAnswerInvitation();
  const company = invitation.companyName;
  const busy = accept.isPending || decline.isPending;
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-label={company}>
      <Stack gap="sm">
        <Text fw={600}>{t('people.invitations.from', { company })}</Text>
        <Text size="sm" c="dimmed">
          {invitation.invitedBy
            ? t('people.invitations.sentBy', { name: invitation.invitedBy, date: formatDateTime(invitation.createdAt) })
            : t('people.invitations.sentOn', { date: formatDateTime(invitation.createdAt) })}
        </Text>
        <Text size="sm">{t('people.invitations.meaning', { company })}</Text>
        <Group gap="sm">
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            loading={accept.isPending}
            disabled={busy}
            onClick={() => accept.mutate(invitation)}
          >
            {t('people.invitations.accept')}
          </Button>
          <Button
            variant="default"
            loading={decline.isPending}
            disabled={busy}
            onClick={() => decline.mutate(invitation)}
          >
            {t('people.invitations.decline')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
