import {
  Alert,
  Anchor,
  Box,
  Button,
  Flex,
  Group,
  Input,
  Paper,
  Pill,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  ThemeIcon,
  Title,
  type SelectProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconCircleCheck, IconRestore } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeView } from '../../../contracts/auth';
import type { ServiceLineForm } from '../../../contracts/catalog';
import { countryCodes, countryName } from '../../../contracts/countries';
import { maxAdditionalEmails, maxSummary } from '../../../contracts/tickets';
import { ApiError } from '../../api/client';
import { fieldLabel } from '../../app/FieldLabel';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { CriticalityBadge } from './TicketBadges';
import { CriticalityReason } from './CriticalityReason';
import { emailErrors, liveCriticality, validateDraft, type FieldName, type TicketDraft } from './ticketDraft';
import { useCompanySearch, useContacts, useOpenTicket } from './useTickets';
import { useTicketDraft } from './useTicketDraft';

type Named = { id: number; name: string };

/** A Select over catalog rows: numbers in, numbers out, and the guide's `*` when required. */
function IdSelect({
  options,
  value,
  onChange,
  label,
  required,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'label'> & {
  options: Named[];
  value: number | null;
  onChange: (id: number | null) => void;
  label: string;
}) {
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

/** A titled group of fields inside the form. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Stack component="section" gap="md" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} c="blue.9">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Every country named in the interface language, in that language's alphabetical order. */
function useCountryOptions(language: string) {
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    return countryCodes
      .map((code) => ({ value: code, label: names.of(code) ?? countryName(code, language) }))
      .sort((a, b) => a.label.localeCompare(b.label, language));
  }, [language]);
}

/** Help texts of the guide shown inside a dropdown: each option with what it is for. */
function optionWithHelp(helps: Map<string, string>): SelectProps['renderOption'] {
  return ({ option }) => (
    <Stack gap={0}>
      <Text size="sm">{option.label}</Text>
      {helps.get(option.value) && (
        <Text size="xs" c="dimmed">
          {helps.get(option.value)}
        </Text>
      )}
    </Stack>
  );
}

const placed: FieldName[] = [
  'companyId',
  'onBehalf',
  'requesterId',
  'additionalEmails',
  'country',
  'categoryId',
  'originId',
  'effectId',
  'moduleId',
  'routineId',
  'versionId',
  'environmentId',
  'summary',
  'incident',
];

/** Keeps the messages a field shows next to it; others (e.g. the service line) go to the alert. */
function splitErrors(fields: Record<string, string>) {
  const own: Record<string, string> = {};
  const other: string[] = [];
  for (const [name, message] of Object.entries(fields)) {
    if (placed.includes(name as FieldName) || name.startsWith('additionalEmails.')) own[name] = message;
    else other.push(message);
  }
  return { own, other };
}

/** The guide's ticket form (Figura 5.0) for one service line; opens the ticket on Continuar. */
export function TicketForm({ form, me }: { form: ServiceLineForm; me: MeView }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const language = currentLanguage();
  const countries = useCountryOptions(language);
  const { draft, restored, update, reset } = useTicketDraft(me.id, form);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A message that belongs to no field (e.g. from the server); field errors get a summary line.
  const [alert, setAlert] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const openedRef = useRef<HTMLHeadingElement>(null);
  const open = useOpenTicket();

  // Agents: the company is searched on the server, the contact listed once a company is chosen.
  const [companySearch, setCompanySearch] = useState(draft.behalfCompany?.name ?? '');
  const [debouncedSearch] = useDebouncedValue(companySearch.trim(), 250);
  const q = debouncedSearch === draft.behalfCompany?.name ? '' : debouncedSearch;
  const companies = useCompanySearch(form.serviceLine.id, q, form.canOpenOnBehalf && draft.onBehalf);
  const contacts = useContacts(draft.onBehalf ? draft.companyId : null);

  const contact = contacts.data?.find((c) => c.id === draft.requesterId);
  const mayRequestConsulting = draft.onBehalf
    ? (contact?.mayRequestConsulting ?? false)
    : (form.companies.find((c) => c.id === draft.companyId)?.mayRequestConsulting ?? false);
  const categories = form.categories.filter((c) => !c.needsConsultingRight || mayRequestConsulting);
  const category = form.categories.find((c) => c.id === draft.categoryId);
  const origin = form.origins.find((o) => o.id === draft.originId);
  const module = form.modules.find((m) => m.id === draft.moduleId);
  const live = liveCriticality(draft, form, translate);

  useEffect(() => {
    if (!focusRequest) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  useEffect(() => {
    if (opened !== null) openedRef.current?.focus();
  }, [opened]);

  /** Changes some fields and drops the messages they showed. */
  const change = (patch: Partial<TicketDraft>, ...fields: string[]) => {
    update(patch);
    setErrors((current) => {
      const next = { ...current };
      for (const name of [...Object.keys(patch), ...fields]) delete next[name];
      return next;
    });
  };

  /** A category the new requester may not ask for (Consultoria) is dropped with the old requester. */
  const keepCategory = (allowed: boolean) => (category?.needsConsultingRight && !allowed ? { categoryId: null } : {});

  const setEmails = (emails: string[]) => {
    update({ additionalEmails: emails });
    setErrors((current) => {
      const next = Object.fromEntries(Object.entries(current).filter(([name]) => !name.startsWith('additionalEmails')));
      return { ...next, ...emailErrors(emails, translate) };
    });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (open.isPending) return;
    setSubmitted(true);
    const result = validateDraft(draft, form, { mayRequestConsulting }, translate);
    if (result.errors) {
      const { own, other } = splitErrors(result.errors);
      setErrors(own);
      setAlert(other.length ? other.join(' ') : null);
      setFocusRequest((n) => n + 1);
      return;
    }
    setErrors({});
    setAlert(null);
    open.mutate(result.input, {
      onSuccess: ({ number }) => {
        reset();
        setCompanySearch('');
        setSubmitted(false);
        setOpened(number);
      },
      onError: (error) => {
        if (error instanceof ApiError && Object.keys(error.fields).length) {
          const { own, other } = splitErrors(error.fields);
          setErrors(own);
          setAlert(other.length ? other.join(' ') : null);
          setFocusRequest((n) => n + 1);
        } else {
          setAlert(error instanceof ApiError ? error.message : t('errors.internal'));
        }
      },
    });
  }

  if (opened !== null) {
    return (
      <Paper withBorder shadow="xs" p={{ base: 'lg', sm: 'xl' }} role="status">
        <Stack align="center" ta="center" gap="md">
          <ThemeIcon color="teal" size={64} radius="xl" variant="light">
            <IconCircleCheck size={40} aria-hidden />
          </ThemeIcon>
          <Title order={2} ref={openedRef} tabIndex={-1}>
            {t('ticketForm.opened', { number: opened })}
          </Title>
          <Text maw={520}>{t('ticketForm.openedBody')}</Text>
          <Group justify="center">
            <Button component={Link} to={`/tickets/${opened}`}>
              {t('ticketForm.viewTicket', { number: opened })}
            </Button>
            <Button variant="default" onClick={() => setOpened(null)}>
              {t('ticketForm.openAnother')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  // "E-mails adicionais": one message for the list, naming the first address that is wrong.
  const badEmails = new Set(
    Object.keys(errors)
      .filter((name) => name.startsWith('additionalEmails.'))
      .map((name) => Number(name.split('.')[1])),
  );
  const firstBad = [...badEmails].sort((a, b) => a - b)[0];
  const emailError =
    errors.additionalEmails ??
    (firstBad !== undefined
      ? t('ticketForm.emailError', { email: draft.additionalEmails[firstBad] ?? '', message: errors[`additionalEmails.${firstBad}`] ?? '' })
      : undefined);

  const categoryHelps = new Map(form.categories.map((c) => [String(c.id), c.help]));
  const originHelps = new Map(form.origins.map((o) => [String(o.id), o.help]));
  const behalfOptions = [
    ...(draft.behalfCompany ? [draft.behalfCompany] : []),
    ...(companies.data ?? []).filter((c) => c.id !== draft.behalfCompany?.id),
  ];

  return (
    <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="xl">
          {restored && (
            <Alert color="blue" variant="light" role="status" icon={<IconRestore size={18} aria-hidden />}>
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t('ticketForm.draftRestored')}</Text>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => {
                    reset();
                    setCompanySearch('');
                    setErrors({});
                    setAlert(null);
                    setSubmitted(false);
                  }}
                >
                  {t('ticketForm.discard')}
                </Anchor>
              </Group>
            </Alert>
          )}
          {(alert || (submitted && Object.keys(errors).length > 0)) && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />}>
              {alert ?? t('errors.validation')}
            </Alert>
          )}

          <Section title={t('ticketForm.sections.requester')}>
            <TagsInput
              label={t('tickets.fields.additionalEmails')}
              description={t('ticketForm.emailsHelp', { max: maxAdditionalEmails })}
              placeholder={draft.additionalEmails.length ? undefined : t('ticketForm.emailsPlaceholder')}
              value={draft.additionalEmails}
              onChange={setEmails}
              maxTags={maxAdditionalEmails}
              onMaxTags={() => setErrors((e) => ({ ...e, additionalEmails: t('validation.tooManyEmails', { max: maxAdditionalEmails }) }))}
              splitChars={[',', ';', ' ']}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              clearable
              clearButtonProps={{ 'aria-label': t('ticketForm.clearEmails') }}
              error={emailError}
              renderPill={({ value, onRemove }) => {
                const index = draft.additionalEmails.indexOf(value ?? '');
                const bad = badEmails.has(index);
                return (
                  <Pill
                    withRemoveButton
                    onRemove={onRemove}
                    // Mantine hides the remove button from keyboards and readers (Backspace removes the last
                    // address); a wrong address in the middle deserves a button of its own.
                    removeButtonProps={{ 'aria-label': t('ticketForm.removeEmail', { email: value ?? '' }), 'aria-hidden': false, tabIndex: 0 }}
                    bg={bad ? 'red.0' : undefined}
                    c={bad ? 'red.9' : undefined}
                    bd={bad ? '1px solid var(--mantine-color-red-8)' : undefined}
                  >
                    {value}
                  </Pill>
                );
              }}
            />

            {form.canOpenOnBehalf && (
              <Radio.Group
                label={t('tickets.fields.onBehalf')}
                value={draft.onBehalf ? 'yes' : 'no'}
                onChange={(value) =>
                  change(
                    value === 'yes'
                      ? { onBehalf: true }
                      : { onBehalf: false, companyId: null, behalfCompany: null, requesterId: null },
                    'companyId',
                    'requesterId',
                  )
                }
                error={errors.onBehalf}
              >
                <Group mt="xs" gap="xl">
                  <Radio value="yes" label={t('ticketForm.yes')} />
                  <Radio value="no" label={t('ticketForm.no')} />
                </Group>
              </Radio.Group>
            )}

            {form.canOpenOnBehalf && draft.onBehalf && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={fieldLabel(t('tickets.fields.company'), true)}
                  required
                  withAsterisk={false}
                  searchable
                  openOnFocus={false}
                  allowDeselect={false}
                  checkIconPosition="right"
                  placeholder={t('ticketForm.searchCompany')}
                  nothingFoundMessage={companies.isFetching ? t('app.loading') : t('ticketForm.nothingFound')}
                  // The server already filtered by name: every option it sent is shown.
                  filter={({ options }) => options}
                  data={behalfOptions.map((c) => ({ value: String(c.id), label: c.name }))}
                  value={draft.companyId === null ? null : String(draft.companyId)}
                  searchValue={companySearch}
                  onSearchChange={setCompanySearch}
                  onChange={(value) => {
                    const picked = behalfOptions.find((c) => String(c.id) === value) ?? null;
                    change(
                      {
                        companyId: picked?.id ?? null,
                        behalfCompany: picked,
                        requesterId: null,
                        ...(picked ? { country: picked.country } : {}),
                        ...keepCategory(false),
                      },
                      'requesterId',
                    );
                  }}
                  error={errors.companyId}
                />
                <Select
                  label={fieldLabel(t('tickets.fields.requester'), true)}
                  required
                  withAsterisk={false}
                  searchable
                  openOnFocus={false}
                  allowDeselect={false}
                  checkIconPosition="right"
                  placeholder={draft.companyId === null ? t('ticketForm.chooseCompanyFirst') : t('ticketForm.choose')}
                  nothingFoundMessage={
                    draft.companyId === null
                      ? t('ticketForm.chooseCompanyFirst')
                      : contacts.isFetching
                        ? t('app.loading')
                        : t('ticketForm.nothingFound')
                  }
                  data={(contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
                  value={draft.requesterId}
                  onChange={(value) => {
                    const picked = contacts.data?.find((c) => c.id === value);
                    change({ requesterId: value, ...keepCategory(picked?.mayRequestConsulting ?? false) });
                  }}
                  error={errors.requesterId}
                />
              </SimpleGrid>
            )}

            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {!form.canOpenOnBehalf && form.companies.length > 1 && (
                <IdSelect
                  label={t('tickets.fields.company')}
                  required
                  options={form.companies}
                  value={draft.companyId}
                  onChange={(id) => {
                    const picked = form.companies.find((c) => c.id === id);
                    change({ companyId: id, ...(picked ? { country: picked.country } : {}), ...keepCategory(picked?.mayRequestConsulting ?? false) });
                  }}
                  error={errors.companyId}
                />
              )}
              <Select
                label={fieldLabel(t('tickets.fields.country'), true)}
                required
                withAsterisk={false}
                description={t('ticketForm.countryHelp')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                searchable
                openOnFocus={false}
                allowDeselect={false}
                checkIconPosition="right"
                placeholder={t('ticketForm.choose')}
                nothingFoundMessage={t('ticketForm.nothingFound')}
                data={countries}
                value={draft.country}
                onChange={(value) => change({ country: value })}
                error={errors.country}
              />
            </SimpleGrid>
          </Section>

          <Section title={t('ticketForm.sections.classification')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <IdSelect
                label={t('tickets.fields.category')}
                required
                options={categories}
                value={draft.categoryId}
                onChange={(id) => change({ categoryId: id })}
                renderOption={optionWithHelp(categoryHelps)}
                description={category?.help}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                error={errors.categoryId}
              />
              <IdSelect
                label={t('tickets.fields.origin')}
                required
                options={form.origins}
                value={draft.originId}
                onChange={(id) => change({ originId: id })}
                renderOption={optionWithHelp(originHelps)}
                description={origin?.help}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                error={errors.originId}
              />
              <IdSelect
                label={t('tickets.fields.effect')}
                required
                options={form.effects}
                value={draft.effectId}
                onChange={(id) => change({ effectId: id })}
                error={errors.effectId}
              />
            </SimpleGrid>
          </Section>

          <Section title={t('ticketForm.sections.product')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <IdSelect
                label={t('tickets.fields.module')}
                required
                searchable
                options={form.modules}
                value={draft.moduleId}
                // The routines belong to the module: a new module starts its routine over.
                onChange={(id) => change({ moduleId: id, routineId: id === draft.moduleId ? draft.routineId : null })}
                error={errors.moduleId}
              />
              <IdSelect
                label={t('tickets.fields.routine')}
                required
                searchable
                // Kept focusable before a module is chosen, so its message can be reached and read.
                placeholder={module ? t('ticketForm.choose') : t('ticketForm.chooseModuleFirst')}
                nothingFoundMessage={module ? t('ticketForm.nothingFound') : t('ticketForm.chooseModuleFirst')}
                options={module?.routines ?? []}
                value={draft.routineId}
                onChange={(id) => change({ routineId: id })}
                error={errors.routineId}
              />
              {form.versions.length > 0 && (
                <IdSelect
                  label={t('tickets.fields.version')}
                  required
                  options={form.versions}
                  value={draft.versionId}
                  onChange={(id) => change({ versionId: id })}
                  error={errors.versionId}
                />
              )}
              {form.environments.length > 0 && (
                <IdSelect
                  label={t('tickets.fields.environment')}
                  required
                  options={form.environments}
                  value={draft.environmentId}
                  onChange={(id) => change({ environmentId: id })}
                  error={errors.environmentId}
                />
              )}
            </SimpleGrid>
          </Section>

          <Section title={t('ticketForm.sections.description')}>
            <TextInput
              label={fieldLabel(t('tickets.fields.summary'), true)}
              required
              withAsterisk={false}
              description={t('ticketForm.summaryHelp', { length: draft.summary.length, max: maxSummary })}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={draft.summary}
              onChange={(e) => change({ summary: e.currentTarget.value })}
              error={errors.summary}
            />
            <Textarea
              label={fieldLabel(t('tickets.fields.incident'), true)}
              required
              withAsterisk={false}
              description={t('ticketForm.incidentHelp')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autosize
              minRows={6}
              maxRows={18}
              value={draft.incident}
              onChange={(e) => change({ incident: e.currentTarget.value })}
              error={errors.incident}
            />
          </Section>

          <CriticalityField live={live} />

          <Group justify="space-between" align="center" wrap="wrap-reverse" gap="sm">
            <Text size="sm" c="dimmed">
              {t('ticketForm.requiredNote')}
            </Text>
            <Button type="submit" size="md" loading={open.isPending} miw={160} w={{ base: '100%', xs: 'auto' }}>
              {t('ticketForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** "Criticidade": not editable, computed from category, origin and effect while the form is filled. */
function CriticalityField({ live }: { live: ReturnType<typeof liveCriticality> }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Box>
      <Input.Label labelElement="div" id={labelId} mb={4}>
        {t('tickets.fields.criticality')}
      </Input.Label>
      <Paper role="status" aria-labelledby={labelId} bg="gray.0" withBorder p="md" radius="md">
        {live ? (
          <Flex direction={{ base: 'column', xs: 'row' }} align="flex-start" gap="md">
            <CriticalityBadge level={live.criticality.level} size="lg" style={{ flexShrink: 0 }} />
            <CriticalityReason level={live.criticality.level} reason={live.reason} />
          </Flex>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ticketForm.criticalityPending')}
          </Text>
        )}
      </Paper>
      <Text size="xs" c="dimmed" mt={4}>
        {t('ticketForm.criticalityHelp')}
      </Text>
    </Box>
  );
}
