import { Button, Group, Modal, MultiSelect, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/FormModal';
import { serverErrors } from '../../ui/forms';
import { notifyDone } from '../../ui/notify';
import { useCatalog } from '../catalog/useCatalogAdmin';

const skillsKey = (id: string) => ['admin', 'agents', id, 'skills'] as const;

/** An agent's skills: the modules (by service line) whose tickets go to them first under automatic assignment. */
export function AgentSkillsModal({ agent, onClose }: { agent: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const catalog = useCatalog();
  const skills = useQuery({
    queryKey: skillsKey(agent?.id ?? ''),
    queryFn: () => api.get<{ moduleIds: number[] }>(`/api/admin/agents/${agent!.id}/skills`),
    enabled: agent !== null,
  });
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => setChosen((skills.data?.moduleIds ?? []).map(String)), [skills.data]);
  const save = useMutation({
    mutationFn: (moduleIds: number[]) => api.put<{ moduleIds: number[] }>(`/api/admin/agents/${agent!.id}/skills`, { moduleIds }),
    onSuccess: (saved) => {
      queryClient.setQueryData(skillsKey(agent!.id), saved);
      notifyDone(t('live.assignment.skillsSaved', { name: agent!.name }));
      onClose();
    },
  });
  const lines = catalog.data?.service_line ?? [];
  const data = lines
    .map((line) => ({
      group: line.code ?? line.name,
      items: (catalog.data?.module ?? []).filter((m) => m.parentId === line.id && (m.active || chosen.includes(String(m.id)))).map((m) => ({ value: String(m.id), label: m.name })),
    }))
    .filter((g) => g.items.length);
  const failure = save.error ? serverErrors(save.error, t('errors.internal')) : null;

  return (
    <Modal opened={agent !== null} onClose={onClose} title={t('live.assignment.skillsTitle', { name: agent?.name ?? '' })} size="lg">
      <Stack gap="md">
        <FormAlert message={failure?.alert} />
        <MultiSelect
          label={t('live.assignment.skillsField')}
          description={t('live.assignment.skillsHelp')}
          searchable
          clearable
          nothingFoundMessage={t('ticketForm.nothingFound')}
          data={data}
          value={chosen}
          onChange={setChosen}
          disabled={!skills.data || !catalog.data}
          error={failure?.fields.moduleIds}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('admin.common.cancel')}
          </Button>
          <Button loading={save.isPending} disabled={!skills.data} onClick={() => save.mutate(chosen.map(Number))}>
            {t('admin.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
