import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../../app/FieldLabel';

type Named = { id: number; name: string };

type IdSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'label'> & {
  options: Named[];
  value: number | null;
  onChange: (id: number | null) => void;
  label: string;
};

/** A Select over catalog rows: numbers in, numbers out, and the guide's `*` when required. */
export function IdSelect({ options, value, onChange, label, required, ...props }: IdSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={fieldLabel(label, required)}
      required={required}
      withAsterisk={false}
      allowDeselect={false}
      checkIconPosition="right"
      openOnFocus={false}
      nothingFoundMessage={t('ticketForm.nothingFound')}
      placeholder={t('ticketForm.choose')}
      data={options.map((o) => ({ value: String(o.id), label: o.name }))}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
      {...props}
    />
  );
}

/** An IdSelect over rows with the guide's help texts: each option shows its own, the field the chosen one's. */
export function IdSelectWithHelp({ options, value, ...props }: Omit<IdSelectProps, 'options' | 'renderOption' | 'description'> & { options: (Named & { help: string })[] }) {
  const helps = new Map(options.map((o) => [String(o.id), o.help]));
  return (
    <IdSelect
      options={options}
      value={value}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {helps.get(option.value) && (
            <Text size="xs" c="dimmed">
              {helps.get(option.value)}
            </Text>
          )}
        </Stack>
      )}
      description={options.find((o) => o.id === value)?.help}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...props}
    />
  );
}
