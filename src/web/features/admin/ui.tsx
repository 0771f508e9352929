import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Textarea, Title, type BadgeProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrors } from '../../../contracts/errors';
import type { Language } from '../../../contracts/i18n';
import { ApiError } from '../../api/client';
import { fieldLabel } from '../../app/FieldLabel';
import { PageLoader } from '../../app/PageLoader';
import { usePageTitle } from '../../app/usePageTitle';
import type { Translate } from '../../app/useTranslate';

/** The page's one h1, a line saying what the page is for, and its main actions on the right. */
export function PageHeader({ title, description, actions, above }: { title: string; description?: ReactNode; actions?: ReactNode; above?: ReactNode }) {
  usePageTitle(title);
  return (
    <Stack gap={4}>
      {above}
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={760}>
          <Title order={1}>{title}</Title>
          {description && <Text c="dimmed">{description}</Text>}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}

/** A section's h2 (its `id` labels the section) with a line saying what the section is for. */
export function SectionHeading({ id, title, intro }: { id: string; title: string; intro: string }) {
  return (
    <div>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
    </div>
  );
}

/** Active or inactive, as a badge whose dot carries the colour. */
export function ActiveBadge({ active, ...props }: { active: boolean } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={active ? 'teal' : 'gray'} radius="sm" miw="max-content" {...props}>
      {active ? t('admin.common.active') : t('admin.common.inactive')}
    </Badge>
  );
}

/** A query's loading and failure states; its content once loaded. */
export function Loaded<T>({ query, children }: { query: { data: T | undefined; error: Error | null; isPending: boolean }; children: (data: T) => ReactNode }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isPending) return <PageLoader />;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />}>
      {query.error?.message}
    </Alert>
  );
}

/** A form's message that belongs to no field. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />}>
      {message}
    </Alert>
  );
}

/** Validates with a shared zod schema; the messages come back in the interface language, by field path. */
export function check<S extends z.ZodType>(schema: S, values: unknown, t: Translate): { data: z.output<S>; errors: null } | { data: null; errors: Record<string, string> } {
  const parsed = schema.safeParse(values);
  return parsed.success ? { data: parsed.data, errors: null } : { data: null, errors: fieldErrors(parsed.error, t) };
}

/** The server's field messages of a failed request, or one sentence when none is about a field. */
export function serverErrors(error: unknown, fallback: string): { fields: Record<string, string>; alert: string | null } {
  if (error instanceof ApiError) {
    return Object.keys(error.fields).length ? { fields: error.fields, alert: null } : { fields: {}, alert: error.message };
  }
  return { fields: {}, alert: error ? fallback : null };
}

/** One sentence for a failed request shown outside a form (a toast, a dialog). */
export function errorText(error: unknown, fallback: string): string | null {
  if (!error) return null;
  const { fields, alert } = serverErrors(error, fallback);
  return alert ?? (Object.values(fields).join(' ') || fallback);
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
