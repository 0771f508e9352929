import { Code, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryName, isCountryCode } from '../../../contracts/countries';
import { languages } from '../../../contracts/languages';
import { formatDateTime } from '../../app/format';
import { currentLanguage, i18n } from '../../app/i18n';
import { useTranslate, type Translate } from '../../app/useTranslate';
import { DataTable, TitleCell } from '../../ui/DataTable';
import { formatCnpj, formatCpf } from '../people/format';

export type AuditEvent = {
  id: number;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string;
  /** The target's current name, from the server; null when it no longer exists. */
  targetName: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
};

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLocalized = (v: unknown): v is Record<string, string> => isPlain(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => (languages as readonly string[]).includes(k));

/** Nested objects become dotted keys (a matrix cell, the first administrator); labels per language stay whole. */
function flatten(value: unknown, prefix = ''): Plain {
  if (!isPlain(value) || isLocalized(value)) return prefix ? { [prefix]: value } : {};
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => Object.entries(isPlain(v) && !isLocalized(v) ? flatten(v, `${prefix}${k}.`) : { [`${prefix}${k}`]: v })));
}

/** A key of the message tree when it exists, else the fallback. */
function known(t: Translate, key: string, fallback: string): string {
  return i18n.exists(key) ? t(key) : fallback;
}

function show(value: unknown, t: Translate, lineNames?: Map<number, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('admin.common.yes') : t('admin.common.no');
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'number' && lineNames?.get(v)) || show(v, t)).join(', ') : '—';
  if (isLocalized(value)) return Object.entries(value).map(([l, v]) => `${l}: ${v}`).join(' · ');
  if (isPlain(value)) return JSON.stringify(value);
  return String(value);
}

/** Codes and digits as the pages show them: a country's and a language's names, CNPJ and CPF with their marks. */
function formatted(key: string, v: string, t: Translate): string {
  const field = key.split('.').at(-1);
  if (field === 'country' && isCountryCode(v)) return countryName(v, currentLanguage());
  if (field === 'language') return known(t, `language.${v}`, v);
  if (field === 'cnpj') return formatCnpj(v);
  if (field === 'cpf') return formatCpf(v);
  return v;
}

/** The changes an act made, "field: before → after", or what it created. */
export function describeChanges(event: AuditEvent, t: Translate, lineNames?: Map<number, string>): { label: string; from?: string; to: string }[] {
  const label = (key: string) => {
    if (event.targetType === 'criticality_matrix') {
      const [impact, urgency] = key.split('.');
      return t('admin.audit.matrixCell', { impact: t(`criticality.impact.${impact}`), urgency: t(`criticality.urgency.${urgency}`) });
    }
    return known(t, `admin.audit.fields.${key}`, key);
  };
  const value = (key: string, v: unknown) =>
    typeof v !== 'string' || v === ''
      ? show(v, t, lineNames)
      : event.targetType === 'criticality_matrix' || key === 'capLevel'
        ? known(t, `criticality.levels.${v}`, v)
        : key === 'urgency' || key === 'impact'
          ? known(t, `criticality.${key}.${v}`, v)
          : formatted(key, v, t);

  const { before, after } = event;
  if (Array.isArray(before) || Array.isArray(after)) {
    return [{ label: label('serviceLineIds'), from: show(before ?? [], t, lineNames), to: show(after ?? [], t, lineNames) }];
  }
  const b = flatten(before);
  const a = flatten(after);
  if (!isPlain(before)) return Object.entries(a).map(([k, v]) => ({ label: label(k), to: value(k, v) }));
  return Object.entries(a)
    .filter(([k, v]) => JSON.stringify(b[k] ?? null) !== JSON.stringify(v ?? null))
    .map(([k, v]) => ({ label: label(k), from: value(k, b[k]), to: value(k, v) }));
}

/** What an act was, in words: "Contato criado", "Linha de serviço alterada". */
export function actionLabel(action: string, t: Translate): string {
  return known(t, `admin.audit.actions.${action}`, action);
}

const pick = (v: unknown) => (isPlain(v) ? (v.name ?? v.email ?? (isLocalized(v.names) ? v.names['pt-BR'] : undefined)) : undefined);

/**
 * Whom an act was about: its kind and name — the current one, else the one the act recorded —
 * and its id only when neither is known (a target that no longer exists).
 */
function target(event: AuditEvent, t: Translate): string {
  const kind = known(t, `admin.audit.targets.${event.targetType}`, event.targetType);
  const name = event.targetName ?? pick(event.after) ?? pick(event.before);
  if (typeof name === 'string' && name) return `${kind}: ${name}`;
  if (event.targetType === 'mail' || event.targetType === 'criticality_matrix') return event.targetType === 'mail' ? `${kind}: ${event.targetId}` : kind;
  return `${kind} #${event.targetId.length > 12 ? event.targetId.slice(0, 8) : event.targetId}`;
}

/** The audit log as a table: when, who, what, and before → after. */
export function AuditTable({ events, label, lineNames }: { events: AuditEvent[]; label: string; lineNames?: Map<number, string> }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  return (
    <DataTable
      rows={events}
      minWidth={860}
      label={label}
      rowProps={() => ({ style: { verticalAlign: 'top' } })}
      columns={[
        {
          label: t('admin.audit.when'),
          width: 150,
          cell: (event) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
            </Text>
          ),
        },
        { label: t('admin.audit.who'), width: 180, cell: (event) => event.actor ?? t('admin.audit.system') },
        { label: t('admin.audit.what'), width: 260, cell: (event) => <TitleCell title={actionLabel(event.action, translate)} detail={target(event, translate)} /> },
        { label: t('admin.audit.changes'), cell: (event) => <Changes changes={describeChanges(event, translate, lineNames)} /> },
      ]}
    />
  );
}

/** An act's changes, one a line: "field: before → after". */
function Changes({ changes }: { changes: ReturnType<typeof describeChanges> }) {
  const { t } = useTranslation();
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {changes.map((c) => (
        <Text component="li" size="sm" key={c.label}>
          <Text component="span" fw={600}>
            {c.label}:
          </Text>{' '}
          {c.from !== undefined && (
            <>
              <Code c="red.9" bg="red.0">
                {c.from}
              </Code>{' '}
              <span aria-hidden>→</span>
              <VisuallyHidden>{t('admin.audit.becomes')}</VisuallyHidden>{' '}
            </>
          )}
          <Code c="teal.9" bg="teal.0">
            {c.to}
          </Code>
        </Text>
      ))}
    </Stack>
  );
}
