import { ActionIcon, Button, Menu } from '@mantine/core';
import { IconDots, IconEdit, IconPlayerPlay, IconUserOff } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './forms';
import { notifyDone, useNotifyFailure } from './notify';

/** A row's "…" button and the menu of what can be done to it. */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}

/** The menu's "Editar". */
export function EditMenuItem({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Menu.Item leftSection={<IconEdit size={16} aria-hidden />} onClick={onClick}>
      {t('admin.common.edit')}
    </Menu.Item>
  );
}

/** The menu's "Desativar" for an active record, "Reativar" for an inactive one. */
export function ActiveMenuItem({
  active,
  onDeactivate,
  onReactivate,
  labels,
}: {
  active: boolean;
  onDeactivate: () => void;
  onReactivate: () => void;
  labels?: { deactivate: string; reactivate: string };
}) {
  const { t } = useTranslation();
  return active ? (
    <Menu.Item color="red" leftSection={<IconUserOff size={16} aria-hidden />} onClick={onDeactivate}>
      {labels?.deactivate ?? t('admin.common.deactivate')}
    </Menu.Item>
  ) : (
    <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={onReactivate}>
      {labels?.reactivate ?? t('admin.common.reactivate')}
    </Menu.Item>
  );
}

/** A row's "Editar" button, named after the row for screen readers. */
export function EditButton({ name, onClick, disabled }: { name: string; onClick: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconEdit size={14} aria-hidden />}
      onClick={onClick}
      disabled={disabled}
      aria-label={t('admin.common.editNamed', { name })}
    >
      {t('admin.common.edit')}
    </Button>
  );
}

type ActiveMutation = { isPending: boolean; error: unknown; reset: () => void };

/**
 * Deactivating a record asks first, in a dialog that shows what went wrong; reactivating goes
 * straight through, with a toast when it fails. `change` sends the new state and calls back.
 */
export function useActiveToggle<R extends { name: string }>({
  mutation,
  change,
  doneMessage,
}: {
  mutation: ActiveMutation;
  change: (record: R, active: boolean, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  doneMessage: (record: R, active: boolean) => string;
}) {
  const { t } = useTranslation();
  const notifyFailure = useNotifyFailure();
  const [toDeactivate, setToDeactivate] = useState<R | null>(null);

  const setActive = (record: R, active: boolean) =>
    change(record, active, {
      onSuccess: () => {
        notifyDone(doneMessage(record, active));
        setToDeactivate(null);
      },
      // Deactivating shows its error in the dialog that asked; reactivating has no dialog.
      onError: (error) => {
        if (active) notifyFailure(error);
      },
    });

  return {
    toDeactivate,
    askToDeactivate: (record: R) => {
      mutation.reset();
      setToDeactivate(record);
    },
    reactivate: (record: R) => setActive(record, true),
    /** The ConfirmDialog's state and handlers; the page adds the words. */
    dialog: {
      opened: toDeactivate !== null,
      loading: mutation.isPending,
      error: errorText(mutation.error, t('errors.internal')),
      onClose: () => setToDeactivate(null),
      onConfirm: () => toDeactivate && setActive(toDeactivate, false),
    },
  };
}
