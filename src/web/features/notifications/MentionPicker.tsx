import { Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { agentView, groupView } from '../../../contracts/admin';
import { api } from '../../api/client';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The `@word` being typed where the caret is, if any: where it starts and what follows the `@`. */
export function mentionAt(body: string, caret: number): { start: number; typed: string } | null {
  const match = /(^|\s)@([\p{L}\p{N}]*)$/u.exec(body.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, typed: match[2]! } : null;
}

/**
 * While an internal note has `@…` at the caret, the agents of the ticket's group whose names begin
 * a word with what was typed; picking one writes `@Full Name `, which the server reads as a mention.
 */
export function MentionPicker({ groupId, body, caret, onPick }: { groupId: number | null; body: string; caret: number; onPick: (body: string, caret: number) => void }) {
  const { t } = useTranslation();
  // The same query (key and answer) as the ticket's assign and transfer pickers.
  const directory = useQuery({
    queryKey: ['ticketPickers', 'directory'],
    queryFn: () => api.get<{ groups: z.infer<typeof groupView>[]; agents: z.infer<typeof agentView>[] }>('/api/staff/directory'),
  });
  const at = mentionAt(body, caret);
  const members = new Set(directory.data?.groups.find((g) => g.id === groupId)?.memberIds ?? []);
  const matches = at
    ? (directory.data?.agents ?? []).filter((a) => a.active && members.has(a.id) && fold(a.name).split(/\s+/).some((w) => w.startsWith(fold(at.typed)))).slice(0, 6)
    : [];
  if (!at || !matches.length) return null;
  return (
    <Group gap="xs" aria-label={t('live.mention.label')} role="group">
      <Text size="xs" c="dimmed">
        {t('live.mention.label')}:
      </Text>
      {matches.map((agent) => (
        <Button
          key={agent.id}
          size="compact-xs"
          variant="light"
          onClick={() => {
            const inserted = `@${agent.name} `;
            onPick(body.slice(0, at.start) + inserted + body.slice(caret), at.start + inserted.length);
          }}
        >
          {agent.name}
        </Button>
      ))}
    </Group>
  );
}
