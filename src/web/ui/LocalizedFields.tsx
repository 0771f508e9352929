import { Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../contracts/languages';
import { fieldLabel } from '../app/FieldLabel';

export type Localized = { 'pt-BR': string; en: string; es: string };
const languageOrder: Language[] = ['pt-BR', 'en', 'es'];

/** A label in each language: Portuguese required, the others fall back to it when left empty. */
export function LocalizedFields({
  label,
  value,
  onChange,
  errors,
  errorPrefix,
  required = true,
  multiline = false,
}: {
  label: string;
  value: Localized;
  onChange: (value: Localized) => void;
  errors: Record<string, string>;
  errorPrefix: string;
  required?: boolean;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" m={0}>
      <Text component="legend" size="sm" fw={600} px={4}>
        {label}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('admin.common.fallsBack')}
      </Text>
      <Stack gap="xs">
        {languageOrder.map((language) => {
          const mandatory = required && language === 'pt-BR';
          const props = {
            label: fieldLabel(t(`language.${language}`), mandatory),
            required: mandatory,
            withAsterisk: false,
            value: value[language],
            error: errors[`${errorPrefix}.${language}`],
            onChange: (e: { currentTarget: { value: string } }) => onChange({ ...value, [language]: e.currentTarget.value }),
          };
          return multiline ? <Textarea key={language} autosize minRows={2} {...props} /> : <TextInput key={language} {...props} />;
        })}
      </Stack>
    </Paper>
  );
}

/** Drops empty translations: the server falls back to Portuguese for them. */
export function compactLocalized(value: Localized): Partial<Localized> & { 'pt-BR': string } {
  const out: Partial<Localized> & { 'pt-BR': string } = { 'pt-BR': value['pt-BR'] };
  if (value.en.trim()) out.en = value.en;
  if (value.es.trim()) out.es = value.es;
  return out;
}

/** Fills the three languages from what the server stored. */
export function toLocalized(names: Record<string, string> | null | undefined): Localized {
  return { 'pt-BR': names?.['pt-BR'] ?? '', en: names?.en ?? '', es: names?.es ?? '' };
}
