import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconRestore } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../../../contracts/auth';
import type { ServiceLineForm } from '../../../contracts/catalog';
import { maxSummary } from '../../../contracts/tickets';
import { ApiError } from '../../api/client';
import { fieldLabel } from '../../app/FieldLabel';
import { useCountryOptions } from '../../app/useCountryOptions';
import { useTranslate } from '../../app/useTranslate';
import { AdditionalEmailsInput } from './AdditionalEmailsInput';
import { CriticalityField } from './CriticalityField';
import { IdSelect, IdSelectWithHelp } from './IdSelect';
import { OnBehalfFields } from './OnBehalfFields';
import { emailErrors, liveCriticality, validateDraft, type FieldName, type TicketDraft } from './ticketDraft';
import { TicketOpened } from './TicketOpened';
import { useContacts, useOpenTicket } from './useTickets';
import { useTicketDraft } from './useTicketDraft';

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
  const countries = useCountryOptions();
  const { draft, restored, update, reset } = useTicketDraft(me.id, form);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A message that belongs to no field (e.g. from the server); field errors get a summary line.
  const [alert, setAlert] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const open = useOpenTicket();

  // Agents: the company is searched on the server, the contact listed once a company is chosen.
  const [companySearch, setCompanySearch] = useState(draft.behalfCompany?.name ?? '');
  const contacts = useContacts(draft.onBehalf ? draft.companyId : null);

  const contact = contacts.data?.find((c) => c.id === draft.requesterId);
  const mayRequestConsulting = draft.onBehalf
    ? (contact?.mayRequestConsulting ?? false)
    : (form.companies.find((c) => c.id === draft.companyId)?.mayRequestConsulting ?? false);
  const categories = form.categories.filter((c) => !c.needsConsultingRight || mayRequestConsulting);
  const category = form.categories.find((c) => c.id === draft.categoryId);
  const module = form.modules.find((m) => m.id === draft.moduleId);
  const live = liveCriticality(draft, form, translate);

  useEffect(() => {
    if (!focusRequest) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

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

  if (opened !== null) return <TicketOpened number={opened} onOpenAnother={() => setOpened(null)} />;

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
            <AdditionalEmailsInput
              emails={draft.additionalEmails}
              errors={errors}
              onChange={setEmails}
              onTooMany={(message) => setErrors((e) => ({ ...e, additionalEmails: message }))}
            />

            {form.canOpenOnBehalf && (
              <OnBehalfFields
                form={form}
                draft={draft}
                errors={errors}
                change={change}
                keepCategory={keepCategory}
                companySearch={companySearch}
                onCompanySearch={setCompanySearch}
              />
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
              <IdSelectWithHelp
                label={t('tickets.fields.category')}
                required
                options={categories}
                value={draft.categoryId}
                onChange={(id) => change({ categoryId: id })}
                error={errors.categoryId}
              />
              <IdSelectWithHelp
                label={t('tickets.fields.origin')}
                required
                options={form.origins}
                value={draft.originId}
                onChange={(id) => change({ originId: id })}
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
