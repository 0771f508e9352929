import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { catalogEntryInput, catalogKindSpecs, type CatalogEntryInput, type CatalogEntryView, type CatalogKind } from '../../../contracts/admin';
import { grades, levels } from '../../../contracts/criticality';
import { localized } from '../../../contracts/languages';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { check } from '../../ui/forms';
import { compactLocalized, LocalizedFields, toLocalized, type Localized } from '../../ui/LocalizedFields';
import { useCatalogActions } from './useCatalogAdmin';

/** The cap select's value for a category that does not limit the criticality. */
const noCap = 'none';
/** A field's description goes under its input, next to its error. */
const below: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** A catalog entry's name in the interface language. */
export function catalogLabel(entry: { name: string; names: Record<string, string> | null }): string {
  return entry.names ? localized(entry.names, currentLanguage()) : entry.name;
}

/** The entry being edited, or the kind (and parent) of the one being added. */
export type Editing = { kind: CatalogKind; entry: CatalogEntryView | null; parentId?: number };

type EntryValues = {
  name: string;
  names: Localized;
  code: string;
  key: string;
  urgency: string | null;
  help: Localized;
  capLevel: string;
  needsConsultingRight: boolean;
  impact: string | null;
};

/** The form's values for an entry, or empty ones for a new entry. */
function entryValues(entry: CatalogEntryView | null, isKeyed: boolean): EntryValues {
  return {
    name: entry?.name ?? '',
    names: toLocalized(entry?.names),
    code: entry?.code ?? '',
    key: isKeyed ? (entry?.code ?? '') : '',
    urgency: entry?.urgency ?? null,
    help: toLocalized(entry?.help),
    capLevel: entry?.capLevel ?? noCap,
    needsConsultingRight: entry?.needsConsultingRight ?? false,
    impact: entry?.impact ?? null,
  };
}

/** Adds or edits one catalog entry, with the fields its kind has. */
export function CatalogEntryModal({ editing, onClose }: { editing: Editing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const { create, update } = useCatalogActions();
  const kind = editing?.kind ?? 'module';
  const entry = editing?.entry ?? null;
  const spec = catalogKindSpecs[kind];
  const isLocalized = spec.localized;
  // A key: lower-case letters, digits and _ (a service line has an upper-case code instead).
  const isKeyed = spec.code === 'key';
  // The ticket form shows the guide's help beside these choices.
  const isHelped = spec.help === true;
  const form = useDialogForm<EntryValues>({ opened: editing !== null, onClose, subject: editing, initial: () => entryValues(entry, isKeyed) });
  const { values, set, errors } = form;

  function submit() {
    if (!editing) return;
    const input: CatalogEntryInput = {};
    if (isLocalized) input.names = compactLocalized(values.names);
    else input.name = values.name;
    if (spec.code === 'code') input.code = values.code.trim().toUpperCase();
    if (isKeyed) input.key = values.key.trim();
    if (kind === 'effect' && values.urgency) input.urgency = values.urgency as CatalogEntryInput['urgency'];
    // Empty translations are left out: the form falls back to Portuguese, or shows no help at all.
    if (isHelped) input.help = Object.fromEntries(Object.entries(values.help).filter(([, text]) => text.trim()));
    if (kind === 'category') {
      input.capLevel = values.capLevel === noCap ? null : (values.capLevel as CatalogEntryInput['capLevel']);
      input.needsConsultingRight = values.needsConsultingRight;
    }
    if (kind === 'origin' && values.impact) input.impact = values.impact as CatalogEntryInput['impact'];
    if (!entry && editing.parentId) input.parentId = editing.parentId;
    const result = check(catalogEntryInput, input, translate);
    const found = { ...(result.errors ?? {}) };
    if (kind === 'effect' && !values.urgency) found.urgency = t('validation.required');
    if (kind === 'origin' && !values.impact) found.impact = t('validation.required');
    if (Object.keys(found).length) return form.showErrors(found, null);
    const callbacks = form.whenSaved((saved: { name: string; names: Record<string, string> | null }) =>
      t(entry ? 'admin.common.savedNamed' : 'admin.catalog.created', { name: catalogLabel(saved) }),
    );
    if (entry) update.mutate({ kind, id: entry.id, input }, callbacks);
    else create.mutate({ kind, input }, callbacks);
  }

  const title = editing ? (entry ? t('admin.common.editNamed', { name: catalogLabel(entry) }) : t(`admin.catalog.add.${kind as 'module'}`)) : '';

  const nameFields = isLocalized ? (
    <LocalizedFields label={t('admin.catalog.fields.name')} value={values.names} onChange={(names) => set({ names }, 'names.pt-BR', 'name')} errors={{ ...errors, 'names.pt-BR': errors['names.pt-BR'] ?? errors.name ?? '' }} errorPrefix="names" />
  ) : (
    <TextInput {...requiredField(t('admin.catalog.fields.name'))} value={values.name} onChange={(e) => set({ name: e.currentTarget.value }, 'name')} error={errors.name} data-autofocus />
  );

  return (
    <FormModal {...form.modal} size={isHelped ? 'xl' : undefined} title={title} onSubmit={submit} saving={create.isPending || update.isPending}>
      {isHelped ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {nameFields}
          <LocalizedFields
            label={t('admin.catalog.fields.help')}
            value={values.help}
            onChange={(help) => set({ help }, 'help.pt-BR', 'help.en', 'help.es')}
            errors={errors}
            errorPrefix="help"
            required={false}
            multiline
          />
        </SimpleGrid>
      ) : (
        nameFields
      )}
      {spec.code === 'code' && (
        <TextInput
          {...requiredField(t('admin.catalog.fields.code'))}
          description={t('admin.catalog.fields.codeHelp')}
          inputWrapperOrder={below}
          value={values.code}
          onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() }, 'code')}
          error={errors.code}
        />
      )}
      {isKeyed && (
        <TextInput
          {...requiredField(t('admin.catalog.fields.key'))}
          description={t(kind === 'channel' ? 'admin.catalog.fields.keyHelp' : 'admin.catalog.fields.choiceKeyHelp')}
          inputWrapperOrder={below}
          value={values.key}
          onChange={(e) => set({ key: e.currentTarget.value.toLowerCase() }, 'key')}
          error={errors.key}
        />
      )}
      {kind === 'effect' && <GradeSelect field="urgency" value={values.urgency} onChange={(urgency) => set({ urgency }, 'urgency')} error={errors.urgency} />}
      {kind === 'origin' && <GradeSelect field="impact" value={values.impact} onChange={(impact) => set({ impact }, 'impact')} error={errors.impact} />}
      {kind === 'category' && (
        <>
          <Select
            label={t('admin.catalog.fields.capLevel')}
            description={t('admin.catalog.fields.capLevelHelp')}
            inputWrapperOrder={below}
            allowDeselect={false}
            data={[{ value: noCap, label: t('admin.catalog.fields.noCap') }, ...levels.map((l) => ({ value: l, label: t(`criticality.levels.${l}`) }))]}
            value={values.capLevel}
            onChange={(v) => set({ capLevel: v ?? noCap }, 'capLevel')}
            error={errors.capLevel}
          />
          <Switch
            label={t('admin.catalog.fields.needsConsultingRight')}
            description={t('admin.catalog.fields.needsConsultingRightHelp')}
            checked={values.needsConsultingRight}
            onChange={(e) => set({ needsConsultingRight: e.currentTarget.checked }, 'needsConsultingRight')}
          />
        </>
      )}
    </FormModal>
  );
}

/** An effect's urgency or an origin's impact: high, medium or low, which the criticality matrix combines. */
function GradeSelect({ field, value, onChange, error }: { field: 'urgency' | 'impact'; value: string | null; onChange: (grade: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const names = field === 'urgency' ? 'admin.catalog.urgencies' : 'admin.catalog.impacts';
  return (
    <Select
      {...requiredField(t(`admin.catalog.fields.${field}`))}
      description={t(`admin.catalog.fields.${field}Help`)}
      inputWrapperOrder={below}
      allowDeselect={false}
      placeholder={t('ticketForm.choose')}
      data={grades.map((g) => ({ value: g, label: t(`${names}.${g}`) }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
