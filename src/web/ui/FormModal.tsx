import { Alert, Button, Group, Modal, Stack, type MantineSize, type MantineSpacing } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../app/FieldLabel';
import { serverErrors } from './forms';
import { notifyDone } from './notify';

/** A form's message that belongs to no field. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />}>
      {message}
    </Alert>
  );
}

/** A dialog holding one form: an optional note, the message that belongs to no field, the fields, Cancel and submit (`onSubmit`, the browser's own submission held back). */
export function FormModal({
  opened,
  onClose,
  title,
  size,
  formRef,
  onSubmit,
  note,
  alert,
  saving,
  submitLabel,
  actionsMarginTop,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: MantineSize;
  formRef?: Ref<HTMLFormElement>;
  onSubmit: () => void;
  note?: ReactNode;
  alert: string | null | undefined;
  saving: boolean;
  submitLabel?: string;
  actionsMarginTop?: MantineSpacing;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size={size} title={title} closeButtonProps={{ 'aria-label': t('admin.common.close') }}>
      <form
        ref={formRef}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <Stack>
          {note}
          <FormAlert message={alert} />
          {children}
          <Group justify="flex-end" gap="sm" mt={actionsMarginTop}>
            <Button variant="default" onClick={onClose}>
              {t('admin.common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel ?? t('admin.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The state of a form in a dialog: its values, started afresh from `initial()` each time the dialog
 * opens on `subject`; the messages by field; and the one that belongs to no field. With `ownFields`,
 * messages about other fields go to that one, and field messages get a summary line there.
 */
export function useDialogForm<V extends object>({
  opened,
  subject,
  initial,
  ownFields,
  onClose,
}: {
  opened: boolean;
  subject: unknown;
  initial: () => V;
  ownFields?: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!opened) return;
    setValues(initial());
    setErrors({});
    setAlert(null);
  }, [opened, subject]);

  /** Changes some values and drops the messages they showed, and those of `fields` (named as the server names them). */
  const set = (patch: Partial<V>, ...fields: string[]) => {
    setValues((v) => ({ ...v, ...patch }));
    const dropped = [...Object.keys(patch), ...fields];
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !dropped.includes(k))));
  };

  /** Shows messages, then moves the focus to the first field that needs attention. */
  const showErrors = (found: Record<string, string>, message: string | null) => {
    const own = ownFields ? Object.fromEntries(Object.entries(found).filter(([k]) => ownFields.includes(k))) : found;
    const rest = ownFields ? Object.entries(found).filter(([k]) => !ownFields.includes(k)).map(([, m]) => m) : [];
    setErrors(own);
    setAlert(message ?? (rest.length ? rest.join(' ') : ownFields && Object.keys(own).length ? t('errors.validation') : null));
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  /** Shows why the server refused the form. */
  const failed = (error: unknown) => {
    const { fields, alert: message } = serverErrors(error, t('errors.internal'));
    showErrors(fields, message);
  };

  /** A save's callbacks: on success a green toast with `message(saved)` and the dialog closes; on failure, `failed`. */
  const whenSaved = <T,>(message: (saved: T) => string, icon?: ReactNode) => ({
    onSuccess: (saved: T) => {
      notifyDone(message(saved), icon);
      onClose();
    },
    onError: failed,
  });

  // What the FormModal takes from this state: `<FormModal {...form.modal} …>`.
  const modal = { opened, onClose, formRef, alert };
  return { values, set, errors, alert, setAlert, formRef, showErrors, failed, whenSaved, modal };
}

/** The props of a field that must be filled: the guide's `*` in the label, and no second asterisk from Mantine. */
export function requiredField(label: string) {
  return { label: fieldLabel(label, true), required: true, withAsterisk: false };
}

/** Asks before an act that is hard to take back (deactivating). */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  color = 'red',
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('admin.common.close') }}>
      <Stack>
        {children}
        <FormAlert message={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('admin.common.cancel')}
          </Button>
          <Button color={color} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
