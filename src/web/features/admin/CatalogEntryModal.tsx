import { Select, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogEntryInput, type CatalogKind } from '../../../contracts/admin';
import { grades } from '../../../contracts/criticality';
import { localized } from '../../../contracts/i18n';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { FormModal, requiredField, useDialogForm } from './FormModal';
import { check, compactLocalized, LocalizedFields, toLocalized, type Localized } from './ui';
import { useCatalogActions, type CatalogEntry, type CatalogWrite } from './useAdmin';

/** Kinds whose label is kept per language. */
const localizedKinds: CatalogKind[] = ['channel', 'effect'];

/** A catalog entry's name in the interface language. */
export function catalogLabel(entry: CatalogEntry): string {
  return entry.names ? localized(entry.names, currentLanguage()) : entry.name;
}

/** The entry being edited, or the kind (and parent) of the one being added. */
export type Editing = { kind: CatalogKind; entry: CatalogEntry | null; parentId?: number };

type EntryValues = { name: string; names: Localized; code: string; key: string; urgency: string | null };

/** Adds or edits one catalog entry, with the fields its kind has. */
export function CatalogEntryModal({ editing, onClose }: { editing: Editing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const { create, update } = useCatalogActions();
  const kind = editing?.kind ?? 'module';
  const entry = editing?.entry ?? null;
  const isLocalized = localizedKinds.includes(kind);
  const { values, set, errors, alert, formRef, showErrors, whenSaved } = useDialogForm<EntryValues>({
    opened: editing !== null,
    onClose,
    subject: editing,
    initial: () => ({
      name: entry?.name ?? '',
      names: toLocalized(entry?.names),
      code: entry?.code ?? '',
      key: kind === 'channel' ? (entry?.code ?? '') : '',
      urgency: entry?.urgency ?? null,
    }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const input: CatalogWrite = {};
    if (isLocalized) input.names = compactLocalized(values.names);
    else input.name = values.name;
    if (kind === 'service_line') input.code = values.code.trim().toUpperCase();
    if (kind === 'channel') input.key = values.key.trim();
    if (kind === 'effect' && values.urgency) input.urgency = values.urgency;
    if (!entry && editing.parentId) input.parentId = editing.parentId;
    const result = check(catalogEntryInput, input, translate);
    const found = { ...(result.errors ?? {}) };
    if (kind === 'effect' && !values.urgency) found.urgency = t('validation.required');
    if (Object.keys(found).length) return showErrors(found, null);
    const callbacks = whenSaved((saved: CatalogEntry) => t('admin.common.savedNamed', { name: catalogLabel(saved) }));
    if (entry) update.mutate({ kind, id: entry.id, input }, callbacks);
    else create.mutate({ kind, input }, callbacks);
  }

  const title = editing ? (entry ? t('admin.common.editNamed', { name: catalogLabel(entry) }) : t(`admin.catalog.add.${kind as 'module'}`)) : '';

  return (
    <FormModal opened={editing !== null} onClose={onClose} title={title} formRef={formRef} onSubmit={submit} alert={alert} saving={create.isPending || update.isPending}>
      {isLocalized ? (
        <LocalizedFields label={t('admin.catalog.fields.name')} value={values.names} onChange={(names) => set({ names }, 'names.pt-BR', 'name')} errors={{ ...errors, 'names.pt-BR': errors['names.pt-BR'] ?? errors.name ?? '' }} errorPrefix="names" />
      ) : (
        <TextInput
          {...requiredField(t('admin.catalog.fields.name'))}
          value={values.name}
          onChange={(e) => set({ name: e.currentTarget.value }, 'name')}
          error={errors.name}
          data-autofocus
        />
      )}
      {kind === 'service_line' && (
        <TextInput
          {...requiredField(t('admin.catalog.fields.code'))}
          description={t('admin.catalog.fields.codeHelp')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={values.code}
          onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() }, 'code')}
          error={errors.code}
        />
      )}
      {kind === 'channel' && (
        <TextInput
          {...requiredField(t('admin.catalog.fields.key'))}
          description={t('admin.catalog.fields.keyHelp')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={values.key}
          onChange={(e) => set({ key: e.currentTarget.value.toLowerCase() }, 'key')}
          error={errors.key}
        />
      )}
      {kind === 'effect' && (
        <Select
          {...requiredField(t('admin.catalog.fields.urgency'))}
          description={t('admin.catalog.fields.urgencyHelp')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          allowDeselect={false}
          placeholder={t('ticketForm.choose')}
          data={grades.map((g) => ({ value: g, label: t(`admin.catalog.urgencies.${g}`) }))}
          value={values.urgency}
          onChange={(v) => set({ urgency: v }, 'urgency')}
          error={errors.urgency}
        />
      )}
    </FormModal>
  );
}
