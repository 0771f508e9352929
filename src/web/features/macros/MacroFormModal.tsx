import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { groupView } from '../../../contracts/admin';
import { bulkStatuses } from '../../../contracts/bulk';
import { macroInput, macroShares, macroVariables, unknownVariables, type MacroShare, type MacroView } from '../../../contracts/macros';
import { api } from '../../api/client';
import { useTranslate } from '../../app/useTranslate';
import { FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { check } from '../../ui/forms';
import { TagsField } from '../tags/TagsField';
import { useSaveMacro } from './useMacros';

type Values = { name: string; body: string; share: MacroShare; groupId: string | null; status: string | null; tags: string[]; setGroupId: string | null };
type Named = { id: number; name: string };
const keep = '-';

/** Creates a macro or changes one: its name, reply (with variables to insert), who uses it, and its actions. */
export function MacroFormModal({ macro, groups, isAdmin, opened, onClose }: { macro: MacroView | null; groups: Named[]; isAdmin: boolean; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const save = useSaveMacro();
  const body = useRef<HTMLTextAreaElement>(null);
  // Every active group may be a transfer's target (the ticket page's directory).
  const directory = useQuery({
    queryKey: ['ticketPickers', 'directory'],
    queryFn: () => api.get<{ groups: z.infer<typeof groupView>[] }>('/api/staff/directory'),
    enabled: opened,
  });
  const form = useDialogForm<Values>({
    opened,
    onClose,
    subject: macro,
    initial: () => ({
      name: macro?.name ?? '',
      body: macro?.body ?? '',
      share: macro?.share ?? 'personal',
      groupId: macro?.group ? String(macro.group.id) : null,
      status: macro?.actions.status ?? null,
      tags: macro?.actions.tags ?? [],
      setGroupId: macro?.actions.group ? String(macro.actions.group.id) : null,
    }),
  });
  const { values, set, errors } = form;

  const insert = (name: string) => {
    const el = body.current;
    const at = el?.selectionStart ?? values.body.length;
    const end = el?.selectionEnd ?? at;
    const token = `{{${name}}}`;
    set({ body: values.body.slice(0, at) + token + values.body.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const submit = () => {
    const input = {
      name: values.name,
      body: values.body,
      share: values.share,
      groupId: values.share === 'group' && values.groupId ? Number(values.groupId) : null,
      actions: {
        status: values.status && values.status !== keep ? (values.status as (typeof bulkStatuses)[number]) : null,
        tags: values.tags,
        groupId: values.setGroupId && values.setGroupId !== keep ? Number(values.setGroupId) : null,
      },
    };
    const result = check(macroInput, input, translate);
    const unknown = unknownVariables(values.body);
    const found = { ...result.errors };
    // The server says the same; said here it names the variable before anything is sent.
    if (unknown.length) found.body = translate('macros.unknownVariable', { names: unknown.map((n) => `{{${n}}}`).join(', '), count: unknown.length });
    if (Object.keys(found).length || !result.data) return form.showErrors(found, null);
    save.mutate({ id: macro?.id, revision: macro?.revision, input: result.data }, form.whenSaved((saved) => t('macros.saved', { name: saved.name })));
  };

  const shares = macroShares.filter((s) => s !== 'all' || isAdmin || macro?.share === 'all');
  const targets = (directory.data?.groups ?? []).filter((g) => g.active);

  return (
    <FormModal {...form.modal} size="lg" title={macro ? t('macros.edit') : t('macros.new')} onSubmit={submit} saving={save.isPending}>
      <TextInput {...requiredField(t('macros.fields.name'))} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
      <Stack gap={6}>
        <Textarea ref={body} label={t('macros.fields.body')} autosize minRows={4} maxRows={14} value={values.body} onChange={(e) => set({ body: e.currentTarget.value })} error={errors.body} />
        <Group gap={6} role="group" aria-label={t('macros.variables')}>
          <Text size="xs" c="dimmed">
            {t('macros.variables')}
          </Text>
          {macroVariables.map((name) => (
            <Button key={name} size="compact-xs" variant="light" ff="monospace" aria-label={t('macros.insertVariable', { name })} onClick={() => insert(name)}>
              {`{{${name}}}`}
            </Button>
          ))}
        </Group>
      </Stack>
      <Group grow align="flex-start">
        <Select label={t('macros.fields.share')} data={shares.map((s) => ({ value: s, label: t(`macros.shares.${s}`) }))} value={values.share} allowDeselect={false} onChange={(share) => set({ share: (share ?? 'personal') as MacroShare }, 'groupId')} error={errors.share} />
        {values.share === 'group' && (
          <Select {...requiredField(t('macros.fields.group'))} data={groups.map((g) => ({ value: String(g.id), label: g.name }))} value={values.groupId} onChange={(groupId) => set({ groupId })} error={errors.groupId} />
        )}
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('macros.fields.status')}
          data={[{ value: keep, label: t('macros.keepStatus') }, ...bulkStatuses.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))]}
          value={values.status ?? keep}
          allowDeselect={false}
          onChange={(status) => set({ status }, 'actions.status')}
          error={errors['actions.status']}
        />
        <Select
          label={t('macros.fields.setGroup')}
          data={[{ value: keep, label: t('macros.keepGroup') }, ...targets.map((g) => ({ value: String(g.id), label: g.name }))]}
          value={values.setGroupId ?? keep}
          allowDeselect={false}
          onChange={(setGroupId) => set({ setGroupId }, 'actions.groupId')}
          error={errors['actions.groupId']}
        />
      </Group>
      <TagsField label={t('macros.fields.tags')} value={values.tags} onChange={(tags) => set({ tags }, 'actions.tags')} error={errors['actions.tags']} />
    </FormModal>
  );
}
