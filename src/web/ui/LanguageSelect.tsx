import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../contracts/languages';

/** A choice of the interface languages, each named in the current one. */
export function LanguageSelect({ label, description, value, onChange, error }: { label: string; description?: string; value: Language; onChange: (language: Language) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      description={description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      allowDeselect={false}
      data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as Language)}
      error={error}
    />
  );
}
