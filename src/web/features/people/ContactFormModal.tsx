import { Alert, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../contracts/languages';
import { contactInput, contactUpdate, type ContactView } from '../../../contracts/people';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { check } from '../../ui/forms';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { formatCpf } from './format';
import { useContactActions, useGrantable, type ContactUpdate } from './usePeople';

export const permissionKeys = ['seesAllTickets', 'mayRequestConsulting', 'isPortalAdmin'] as const;
type Permission = (typeof permissionKeys)[number];

type Values = {
  name: string;
  email: string;
  phone: string;
  cpf: string;
  language: Language;
} & Record<Permission, boolean>;

const fieldNames = ['name', 'email', 'phone', 'cpf', 'language', ...permissionKeys];

function initial(contact: ContactView | null): Values {
  return {
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    cpf: formatCpf(contact?.cpf),
    language: currentLanguage(),
    isPortalAdmin: contact?.isPortalAdmin ?? false,
    seesAllTickets: contact?.seesAllTickets ?? false,
    mayRequestConsulting: contact?.mayRequestConsulting ?? false,
  };
}

/**
 * Creates a contact (who is invited by mail) or edits one. Only what changed is sent; a new
 * e-mail address waits for its owner's confirmation. A right the administrator does not hold
 * cannot be switched on, as the server also refuses.
 */
export function ContactFormModal({ companyId, contact, opened, onClose }: { companyId: number; contact: ContactView | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const grantable = useGrantable(companyId);
  const { create, update } = useContactActions(companyId);
  const form = useDialogForm<Values>({ opened, onClose, subject: contact, initial: () => initial(contact), ownFields: fieldNames });
  const { values, set, errors, showErrors, whenSaved } = form;
  const editing = contact !== null;
  // Another company's contact too: their own details are not this administrator's to change.
  const ownDetailsLocked = contact?.sharedElsewhere ?? false;
  // Until the invitation is accepted, the link mailed would follow a new address (the server refuses it too).
  const emailLocked = editing && !ownDetailsLocked && contact.invitationPending;
  const saving = create.isPending || update.isPending;

  function submit() {
    if (saving) return;
    if (!editing) {
      const input = { ...values, phone: values.phone || undefined, cpf: values.cpf || undefined };
      const result = check(contactInput, input, translate);
      if (result.errors) return showErrors(result.errors, null);
      create.mutate(result.data, whenSaved((created) => t('people.form.created', { name: created.name, email: created.email }), <IconMailForward size={18} aria-hidden />));
      return;
    }
    const before = initial(contact);
    const patch: ContactUpdate = {};
    if (values.name !== before.name) patch.name = values.name;
    if (values.email.trim().toLowerCase() !== before.email) patch.email = values.email;
    if (values.phone !== before.phone) patch.phone = values.phone;
    if (values.cpf !== before.cpf) patch.cpf = values.cpf;
    for (const key of permissionKeys) if (values[key] !== before[key]) patch[key] = values[key];
    if (Object.keys(patch).length === 0) return onClose();
    const result = check(contactUpdate, patch, translate);
    if (result.errors) return showErrors(result.errors, null);
    update.mutate(
      { id: contact.id, patch: result.data },
      whenSaved((saved) => patch.email ? t('people.form.emailPending', { email: saved.pendingEmail ?? values.email }) : t('people.form.saved', { name: saved.name })),
    );
  }

  const permissionHelp: Record<Permission, string> = {
    seesAllTickets: t('people.permissions.seesAllTicketsHelp'),
    mayRequestConsulting: t('people.permissions.mayRequestConsultingHelp'),
    isPortalAdmin: t('people.permissions.isPortalAdminHelp'),
  };

  return (
    <FormModal
      {...form.modal}
      size="lg"
      title={editing ? t('people.form.editTitle', { name: contact.name }) : t('people.form.createTitle')}
      onSubmit={submit}
      note={!editing && <Text size="sm">{t('people.form.inviteNote')}</Text>}
      saving={saving}
      submitLabel={editing ? t('admin.common.save') : t('people.form.create')}
      actionsMarginTop="sm"
    >
      {ownDetailsLocked && (
        <Alert color="blue" variant="light" p="xs">
          <Text size="sm">{t('people.form.sharedElsewhere')}</Text>
        </Alert>
      )}
      <TextInput
        {...requiredField(t('people.fields.name'))}
        autoComplete="off"
        disabled={ownDetailsLocked}
        value={values.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={errors.name}
        data-autofocus
      />
      <TextInput
        {...requiredField(t('people.fields.email'))}
        type="email"
        autoComplete="off"
        disabled={ownDetailsLocked || emailLocked}
        description={emailLocked ? t('people.form.emailLockedInvited') : editing && !ownDetailsLocked ? t('people.form.emailChangeHelp') : undefined}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        value={values.email}
        onChange={(e) => set({ email: e.currentTarget.value })}
        error={errors.email}
      />
      {contact?.pendingEmail && (
        <Alert color="yellow" variant="light" p="xs">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('people.list.pendingEmail', { email: contact.pendingEmail })}</Text>
            {/* Sending the current address back cancels the change and voids its links. */}
            <Button
              size="compact-sm"
              variant="default"
              loading={update.isPending}
              onClick={() => update.mutate({ id: contact.id, patch: { email: contact.email } }, whenSaved(() => t('people.form.emailChangeCancelled')))}
            >
              {t('people.form.cancelEmailChange')}
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('people.fields.phone')}
          type="tel"
          autoComplete="off"
          disabled={ownDetailsLocked}
          placeholder="(11) 4003-0015"
          value={values.phone}
          onChange={(e) => set({ phone: e.currentTarget.value })}
          error={errors.phone}
        />
        <TextInput
          label={t('people.fields.cpf')}
          inputMode="numeric"
          autoComplete="off"
          disabled={ownDetailsLocked}
          placeholder="000.000.000-00"
          description={t('people.form.cpfHelp')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={values.cpf}
          onChange={(e) => set({ cpf: e.currentTarget.value })}
          error={errors.cpf}
        />
      </SimpleGrid>
      {!editing && (
        <LanguageSelect label={t('people.fields.language')} description={t('people.form.languageHelp')} value={values.language} onChange={(language) => set({ language })} error={errors.language} />
      )}
      <Fieldset legend={t('people.fields.permissions')} variant="filled" radius="md">
        <Text size="xs" c="dimmed" mb="sm">
          {t('people.form.permissionsHelp')}
        </Text>
        <Stack gap="sm">
          {permissionKeys.map((key) => {
            // A right already held can always be taken away; switching one on needs holding it.
            const locked = !grantable[key] && !(contact?.[key] ?? false);
            return (
              <Checkbox
                key={key}
                label={t(`people.permissions.${key}`)}
                description={locked ? t('people.form.cannotGrant') : permissionHelp[key]}
                checked={values[key]}
                disabled={locked}
                onChange={(e) => set({ [key]: e.currentTarget.checked })}
                error={errors[key]}
              />
            );
          })}
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
