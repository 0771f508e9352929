import { Alert, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconFlame, IconPencil, IconUserCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { agentView, groupView } from '../../../contracts/admin';
import type { MeView } from '../../../contracts/auth';
import { levels, type Level } from '../../../contracts/criticality';
import type { TicketUpdateInput, TicketView } from '../../../contracts/tickets';
import { api, ApiError, ConflictError } from '../../api/client';
import { TicketTags } from '../tags/TicketTags';
import { ChangedNotice, ConflictAlert } from './ChangeNotices';
import { useChangesSince } from './useChangesSince';
import { useServiceLineForm, useTicketMutation } from './useTickets';

type Patch = Omit<TicketUpdateInput, 'revision'>;
type Named = { id: number; name: string };

/** Statuses an agent sets by hand; the others follow replies, solutions and the customer. */
const settable = ['in_progress', 'waiting_customer', 'on_hold'] as const;

/** The assignee picker's "nobody" (Mantine options need a non-empty value). */
const nobody = '-';

/**
 * An agent's change to the ticket, sent with the revision they saw. A 409 keeps the change
 * and what others changed, and `reapply` sends it again over the current revision.
 */
function useTicketEdit(ticket: TicketView, meId: string) {
  const { t } = useTranslation();
  const [base, setBase] = useState<number | null>(null);
  const [conflict, setConflict] = useState<{ error: ConflictError; patch: Patch; after?: () => void } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const changes = useChangesSince(ticket, meId);
  const mutation = useTicketMutation(ticket.number, (input: TicketUpdateInput) => api.patch<TicketView>(`/api/tickets/${ticket.number}`, input));

  const send = (patch: Patch, revision: number, after?: () => void) => {
    setError(null);
    mutation.mutate(
      { ...patch, revision },
      {
        onSuccess: () => {
          setConflict(null);
          setBase(null);
          changes.done();
          notifications.show({ color: 'teal', message: t('workspace.panel.saved') });
          after?.();
        },
        onError: (e) => {
          if (e instanceof ConflictError && e.changed.length) setConflict({ error: e, patch, after });
          else setError(e instanceof ApiError ? e : null);
        },
      },
    );
  };
  return {
    /** Starts editing in a dialog: the revision seen now is the one the change is based on. */
    begin: () => {
      setBase(ticket.revision);
      setConflict(null);
      setError(null);
      changes.start();
    },
    /** Gives up: nothing sent, nothing watched. */
    end: () => {
      setBase(null);
      setConflict(null);
      setError(null);
      changes.done();
    },
    submit: (patch: Patch, after?: () => void) => send(patch, base ?? ticket.revision, after),
    reapply: () => conflict && send(conflict.patch, conflict.error.revision ?? ticket.revision, conflict.after),
    discard: () => setConflict(null),
    /** Seen what others changed: the change is now based on the ticket as it is. */
    acknowledge: () => {
      setBase(ticket.revision);
      changes.acknowledge();
    },
    conflict: conflict?.error ?? null,
    error,
    changes: changes.changes,
    pending: mutation.isPending,
  };
}

type Edit = ReturnType<typeof useTicketEdit>;

/** A dialog for one kind of change, with the notices of changes by others and of a refused stale write. */
function EditDialog({ title, opened, onClose, edit, onSubmit, submitLabel, children }: { title: string; opened: boolean; onClose: () => void; edit: Edit; onSubmit: () => void; submitLabel: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('conversation.cancel') }} styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          <ChangedNotice changes={edit.changes} onAcknowledge={edit.acknowledge} />
          {edit.conflict && <ConflictAlert conflict={edit.conflict} onReapply={edit.reapply} onDiscard={edit.discard} reapplying={edit.pending} />}
          {edit.error && !Object.keys(edit.error.fields).length && (
            <Alert color="red" role="alert">
              {edit.error.message}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('conversation.cancel')}
            </Button>
            <Button type="submit" loading={edit.pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The groups and agents the transfer and assignment pickers offer. */
function useStaffDirectory(enabled: boolean) {
  const directory = useQuery({
    queryKey: ['ticketPickers', 'directory'],
    queryFn: () => api.get<{ groups: z.infer<typeof groupView>[]; agents: z.infer<typeof agentView>[] }>('/api/staff/directory'),
    enabled,
  });
  return { groups: directory.data?.groups ?? [], agents: directory.data?.agents ?? [] };
}

const idOptions = (list: Named[]) => list.map((item) => ({ value: String(item.id), label: item.name }));
const fieldError = (edit: Edit, name: string) => edit.error?.fields[name];

/** The classification of the ticket (category, module, routine, version, environment), checked against its service line. */
function ClassifyDialog({ ticket, opened, onClose, edit }: { ticket: TicketView; opened: boolean; onClose: () => void; edit: Edit }) {
  const { t } = useTranslation();
  const form = useServiceLineForm(opened ? ticket.serviceLine.id : undefined).data;
  const initial = { categoryId: ticket.category.id, moduleId: ticket.module.id, routineId: ticket.routine.id as number | null, versionId: ticket.version?.id ?? null, environmentId: ticket.environment?.id ?? null };
  const [values, setValues] = useState(initial);
  const [missing, setMissing] = useState(false);
  const routines = form?.modules.find((m) => m.id === values.moduleId)?.routines ?? [];
  const pick = (value: string | null) => (value ? Number(value) : null);

  const submit = () => {
    if (values.routineId === null) return setMissing(true);
    const patch: Patch = {};
    if (values.categoryId !== ticket.category.id) patch.categoryId = values.categoryId;
    if (values.moduleId !== ticket.module.id) patch.moduleId = values.moduleId;
    if (values.routineId !== ticket.routine.id || patch.moduleId !== undefined) patch.routineId = values.routineId;
    if (values.versionId !== (ticket.version?.id ?? null)) patch.versionId = values.versionId;
    if (values.environmentId !== (ticket.environment?.id ?? null)) patch.environmentId = values.environmentId;
    if (!Object.keys(patch).length) return onClose();
    edit.submit(patch, onClose);
  };

  return (
    <EditDialog title={t('workspace.panel.classifyTitle')} opened={opened} onClose={onClose} edit={edit} onSubmit={submit} submitLabel={t('workspace.panel.save')}>
      <Select
        label={t('tickets.fields.category')}
        data={idOptions(form?.categories ?? [ticket.category])}
        value={String(values.categoryId)}
        allowDeselect={false}
        onChange={(v) => setValues((s) => ({ ...s, categoryId: pick(v) ?? s.categoryId }))}
        error={fieldError(edit, 'categoryId')}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('tickets.fields.module')}
        data={idOptions(form?.modules ?? [ticket.module])}
        value={String(values.moduleId)}
        allowDeselect={false}
        searchable
        onChange={(v) => setValues((s) => ({ ...s, moduleId: pick(v) ?? s.moduleId, routineId: null }))}
        error={fieldError(edit, 'moduleId')}
      />
      <Select
        label={t('tickets.fields.routine')}
        data={idOptions(form ? routines : [ticket.routine])}
        value={values.routineId === null ? null : String(values.routineId)}
        searchable
        required
        placeholder={t('ticketForm.choose')}
        onChange={(v) => {
          setValues((s) => ({ ...s, routineId: pick(v) }));
          setMissing(false);
        }}
        error={missing ? t('validation.required') : fieldError(edit, 'routineId')}
      />
      {(form?.versions.length ?? 0) > 0 && (
        <Select
          label={t('tickets.fields.version')}
          data={idOptions(form!.versions)}
          value={values.versionId === null ? null : String(values.versionId)}
          clearable
          clearButtonProps={{ 'aria-label': t('ticketList.clearField') }}
          onChange={(v) => setValues((s) => ({ ...s, versionId: pick(v) }))}
          error={fieldError(edit, 'versionId')}
        />
      )}
      {(form?.environments.length ?? 0) > 0 && (
        <Select
          label={t('tickets.fields.environment')}
          data={idOptions(form!.environments)}
          value={values.environmentId === null ? null : String(values.environmentId)}
          clearable
          clearButtonProps={{ 'aria-label': t('ticketList.clearField') }}
          onChange={(v) => setValues((s) => ({ ...s, environmentId: pick(v) }))}
          error={fieldError(edit, 'environmentId')}
        />
      )}
    </EditDialog>
  );
}

/** An agent's own criticality, with the reason the customer will read in the history. */
function CriticalityDialog({ ticket, opened, onClose, edit }: { ticket: TicketView; opened: boolean; onClose: () => void; edit: Edit }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<Level>(ticket.criticality);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    if (level === ticket.criticality) return onClose();
    edit.submit({ criticality: level, criticalityReason: reason }, onClose);
  };
  return (
    <EditDialog title={t('workspace.panel.criticalityTitle')} opened={opened} onClose={onClose} edit={edit} onSubmit={submit} submitLabel={t('workspace.panel.save')}>
      <Select
        label={t('workspace.panel.level')}
        data={levels.map((l) => ({ value: l, label: t(`criticality.levels.${l}`) }))}
        value={level}
        allowDeselect={false}
        onChange={(v) => v && setLevel(v as Level)}
        error={fieldError(edit, 'criticality')}
      />
      <Textarea
        label={t('workspace.panel.reason')}
        description={t('workspace.panel.reasonHelp')}
        required
        autosize
        minRows={3}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? t('validation.required') : fieldError(edit, 'criticalityReason')}
      />
    </EditDialog>
  );
}

/** Admins: the ticket goes to another group, with a note for it; the assignee is cleared. */
function TransferDialog({ ticket, groups, opened, onClose, edit }: { ticket: TicketView; groups: Named[]; opened: boolean; onClose: () => void; edit: Edit }) {
  const { t } = useTranslation();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<{ group?: boolean; note?: boolean }>({});
  const submit = () => {
    const lack = { group: !groupId, note: !note.trim() };
    if (lack.group || lack.note) return setMissing(lack);
    edit.submit({ groupId: Number(groupId), transferNote: note }, onClose);
  };
  return (
    <EditDialog title={t('workspace.panel.transferTitle')} opened={opened} onClose={onClose} edit={edit} onSubmit={submit} submitLabel={t('workspace.panel.transfer')}>
      <Select
        label={t('workspace.panel.transferGroup')}
        data={idOptions(groups.filter((g) => g.id !== ticket.group?.id))}
        value={groupId}
        required
        searchable
        placeholder={t('ticketForm.choose')}
        onChange={(v) => {
          setGroupId(v);
          setMissing((m) => ({ ...m, group: false }));
        }}
        error={missing.group ? t('validation.required') : fieldError(edit, 'groupId')}
      />
      <Textarea
        label={t('workspace.panel.transferNote')}
        description={t('workspace.panel.transferNoteHelp')}
        required
        autosize
        minRows={3}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          setMissing((m) => ({ ...m, note: false }));
        }}
        error={missing.note ? t('validation.required') : fieldError(edit, 'transferNote')}
      />
    </EditDialog>
  );
}

/** One labelled line of the panel. */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
        {label}
      </Text>
      {children}
    </div>
  );
}

/**
 * The agent's side panel: group, assignee (take, release, or any agent of the group),
 * status, and dialogs to transfer, reclassify and override the criticality. Buttons follow `actions`.
 */
export function AgentPanel({ ticket, me, onTake, taking }: { ticket: TicketView; me: MeView; onTake: () => void; taking: boolean }) {
  const { t } = useTranslation();
  const directory = useStaffDirectory(ticket.actions.assign || ticket.actions.transfer);
  const quick = useTicketEdit(ticket, me.id);
  const classify = useTicketEdit(ticket, me.id);
  const criticality = useTicketEdit(ticket, me.id);
  const transfer = useTicketEdit(ticket, me.id);
  const [dialog, setDialog] = useState<'classify' | 'criticality' | 'transfer' | null>(null);
  // Each opening starts a fresh form over the ticket as it is then.
  const [opening, setOpening] = useState(0);
  const openDialog = (which: 'classify' | 'criticality' | 'transfer', edit: Edit) => {
    edit.begin();
    setOpening((n) => n + 1);
    setDialog(which);
  };
  const closeDialog = (edit: Edit) => {
    edit.end();
    setDialog(null);
  };

  const groupAgents = directory.agents.filter((a) => a.active && ticket.group && a.groupIds.includes(ticket.group.id));
  const status = (settable as readonly string[]).includes(ticket.status) ? ticket.status : null;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="agent-panel-title">
      <Title order={2} size="h4" mb="sm" id="agent-panel-title">
        {t('workspace.panel.title')}
      </Title>
      <Stack gap="md">
        {quick.conflict && <ConflictAlert conflict={quick.conflict} onReapply={quick.reapply} onDiscard={quick.discard} reapplying={quick.pending} />}
        {quick.error && (
          <Alert color="red" role="alert">
            {Object.values(quick.error.fields)[0] ?? quick.error.message}
          </Alert>
        )}
        <Line label={t('ticketPage.fields.group')}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{ticket.group?.name ?? t('workspace.panel.noGroup')}</Text>
            {ticket.actions.transfer && (
              <Button size="compact-sm" variant="default" leftSection={<IconArrowsExchange size={14} aria-hidden />} onClick={() => openDialog('transfer', transfer)} data-shortcut="transfer">
                {t('workspace.panel.transfer')}
              </Button>
            )}
          </Group>
        </Line>
        <Line label={t('ticketPage.fields.assignee')}>
          {ticket.actions.assign ? (
            <Select
              aria-label={t('ticketPage.fields.assignee')}
              data-shortcut="assign"
              data={[{ value: nobody, label: t('workspace.panel.nobody') }, ...groupAgents.map((a) => ({ value: a.id, label: a.name }))]}
              value={ticket.assignee?.id ?? nobody}
              allowDeselect={false}
              disabled={quick.pending}
              onChange={(v) => v && v !== (ticket.assignee?.id ?? nobody) && quick.submit({ assigneeId: v === nobody ? null : v })}
            />
          ) : (
            <Text size="sm">{ticket.assignee?.name ?? t('workspace.panel.nobody')}</Text>
          )}
          <Group gap="xs" mt="xs">
            {ticket.actions.take && (
              <Button size="compact-sm" leftSection={<IconUserCheck size={14} aria-hidden />} loading={taking} onClick={onTake}>
                {t('workspace.panel.take')}
              </Button>
            )}
          </Group>
        </Line>
        {ticket.actions.setStatus && (
          <Select
            label={t('tickets.fields.status')}
            data-shortcut="status"
            data={settable.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
            value={status}
            placeholder={t(`tickets.statuses.${ticket.status}`)}
            allowDeselect={false}
            disabled={quick.pending}
            onChange={(v) => v && v !== ticket.status && quick.submit({ status: v as (typeof settable)[number] })}
          />
        )}
        <TicketTags ticket={ticket} />
        {ticket.actions.edit && (
          <Group gap="xs">
            <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => openDialog('classify', classify)} data-shortcut="classify">
              {t('workspace.panel.classify')}
            </Button>
            <Button size="compact-sm" variant="default" leftSection={<IconFlame size={14} aria-hidden />} onClick={() => openDialog('criticality', criticality)} data-shortcut="criticality">
              {t('workspace.panel.criticality')}
            </Button>
          </Group>
        )}
      </Stack>
      <ClassifyDialog key={`c${opening}`} ticket={ticket} opened={dialog === 'classify'} onClose={() => closeDialog(classify)} edit={classify} />
      <CriticalityDialog key={`k${opening}`} ticket={ticket} opened={dialog === 'criticality'} onClose={() => closeDialog(criticality)} edit={criticality} />
      {ticket.actions.transfer && <TransferDialog key={`t${opening}`} ticket={ticket} groups={directory.groups.filter((g) => g.active)} opened={dialog === 'transfer'} onClose={() => closeDialog(transfer)} edit={transfer} />}
    </Paper>
  );
}
