import { Fieldset, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { assignmentModes, type AssignmentMode, type GroupAssignment } from '../../../contracts/assignment';

/** The assignment part of a group's form: the mode and, for the automatic ones, the cap ('' for none). */
export type AssignmentValues = { mode: AssignmentMode; openCap: number | string };

/** The form's values of a group's saved assignment (a new group is manual). */
export function assignmentValues(saved: GroupAssignment | undefined): AssignmentValues {
  return { mode: saved?.mode ?? 'manual', openCap: saved?.openCap ?? '' };
}

/** What PUT /api/admin/groups/:id/assignment takes: a manual group has no cap. */
export function assignmentInput(values: AssignmentValues): GroupAssignment {
  return { mode: values.mode, openCap: values.mode === 'manual' || values.openCap === '' ? null : Number(values.openCap) };
}

/** How a group's new tickets get an agent: manually, round-robin or to the least loaded, with a cap of open tickets. */
export function GroupAssignmentFields({
  values,
  set,
  errors,
}: {
  values: AssignmentValues;
  set: (patch: Partial<AssignmentValues>) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('live.assignment.title')} variant="unstyled">
      <Select
        label={t('live.assignment.mode')}
        description={values.mode === 'manual' ? undefined : t('live.assignment.modeHelp')}
        allowDeselect={false}
        data={assignmentModes.map((mode) => ({ value: mode, label: t(`live.assignment.modes.${mode}`) }))}
        value={values.mode}
        onChange={(mode) => mode && set({ mode: mode as AssignmentMode })}
        error={errors.mode}
      />
      {values.mode !== 'manual' && (
        <NumberInput
          mt="sm"
          label={t('live.assignment.cap')}
          description={t('live.assignment.capHelp')}
          min={1}
          max={10_000}
          allowDecimal={false}
          allowNegative={false}
          value={values.openCap}
          onChange={(openCap) => set({ openCap })}
          error={errors.openCap}
        />
      )}
    </Fieldset>
  );
}
