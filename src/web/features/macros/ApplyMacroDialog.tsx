import { Alert, Anchor, Button, Group, Modal, Paper, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketView } from '../../../contracts/tickets';
import { api } from '../../api/client';
import { errorText } from '../../ui/forms';
import { notifyDone } from '../../ui/notify';
import { useTicketMutation } from '../tickets/useTickets';
import { actionsText } from './macroActions';
import { macrosPath } from './nav';
import { applyMacro, renderMacro, searchMacros, useMacros, useMacrosChanged } from './useMacros';

/**
 * The ticket's "Aplicar macro": find a macro, see its reply as the server renders it for this
 * ticket (what will be sent) and what it will change, and apply it — the reply is sent, then the
 * actions are applied from the revision it left.
 */
export function ApplyMacroDialog({ ticket, opened, onClose }: { ticket: TicketView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const macros = useMacros(opened);
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const changed = useMacrosChanged();
  const matches = searchMacros(macros.data?.macros ?? [], typed);
  const current = chosen ?? matches[0]?.id ?? null;
  const preview = useQuery({ queryKey: ['macros', 'render', ticket.number, current], queryFn: () => renderMacro(ticket.number, current!), enabled: opened && current !== null });
  const apply = useTicketMutation(ticket.number, async (id: number) => {
    const rendered = preview.data!;
    const replied = rendered.body.trim() ? await api.post<TicketView>(`/api/tickets/${ticket.number}/articles`, { body: rendered.body, action: 'reply' }) : ticket;
    return (await applyMacro(ticket.number, id, replied.revision)).ticket ?? replied;
  });
  const close = () => {
    setTyped('');
    setChosen(null);
    apply.reset();
    onClose();
  };
  const submit = () =>
    current !== null &&
    preview.data &&
    apply.mutate(current, {
      onSuccess: () => {
        notifyDone(t('macros.applied', { name: preview.data.name }));
        void changed();
        close();
      },
    });

  const actions = preview.data ? actionsText(preview.data.actions, t) : '';
  return (
    <Modal opened={opened} onClose={close} size="lg" title={t('macros.applyTitle')} closeButtonProps={{ 'aria-label': t('bulk.close') }}>
      <Stack gap="sm">
        <TextInput
          label={t('macros.picker.search')}
          value={typed}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            setChosen(null);
          }}
          data-autofocus
        />
        <ScrollArea.Autosize mah={220}>
          <Stack gap={2} role="listbox" aria-label={t('macros.picker.label')}>
            {matches.map((macro) => (
              <UnstyledButton
                key={macro.id}
                role="option"
                aria-selected={macro.id === current}
                px={8}
                py={6}
                style={{ borderRadius: 4, background: macro.id === current ? 'var(--mantine-color-blue-light)' : undefined }}
                onClick={() => setChosen(macro.id)}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {macro.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('macros.picker.uses', { count: macro.usageCount })}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
            {macros.isSuccess && matches.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('macros.picker.none')}
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
        {preview.data && (
          <Paper withBorder p="sm" bg="gray.0" aria-label={t('macros.preview')} component="section">
            <Text size="xs" fw={600} c="dimmed" mb={4}>
              {t('macros.preview')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-macro-preview>
              {preview.data.body || t('macros.previewEmpty')}
            </Text>
            {actions && (
              <Text size="xs" c="dimmed" mt={6}>
                {t('macros.willDo', { actions })}
              </Text>
            )}
          </Paper>
        )}
        {(apply.error || preview.error) && <Alert color="red">{errorText(apply.error ?? preview.error, t('errors.internal'))}</Alert>}
        <Group justify="space-between">
          <Anchor component={Link} to={macrosPath} size="sm">
            {t('macros.shortcuts.manage')}
          </Anchor>
          <Group gap="sm">
            <Button variant="default" onClick={close}>
              {t('admin.common.cancel')}
            </Button>
            <Button onClick={submit} loading={apply.isPending} disabled={!preview.data}>
              {t('macros.applyButton')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
