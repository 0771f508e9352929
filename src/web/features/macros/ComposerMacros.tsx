import { ActionIcon, Badge, Group, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBolt, IconX } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MacroView, RenderedMacro } from '../../../contracts/macros';
import type { TicketView } from '../../../contracts/tickets';
import { errorText } from '../../ui/forms';
import { actionsText } from './macroActions';
import { macroQueryAt } from './macroQuery';
import { applyMacro, renderMacro, searchMacros, useMacros, useMacrosChanged } from './useMacros';

/** What the reply box's textarea hands the picker: its key presses, answered (true) while the list is open. */
export type PickerKeys = MutableRefObject<((event: KeyboardEvent<HTMLTextAreaElement>) => boolean) | null>;

/**
 * The macro chosen in a reply box: its actions are applied once the reply went, from the revision
 * the reply left (`afterSend`), and its use is counted.
 */
export function useComposerMacro() {
  const { t } = useTranslation();
  const [macro, setMacro] = useState<RenderedMacro | null>(null);
  const changed = useMacrosChanged();
  const afterSend = async (view: TicketView): Promise<TicketView> => {
    if (!macro) return view;
    try {
      return (await applyMacro(view.number, macro.id, view.revision)).ticket ?? view;
    } catch (error) {
      notifications.show({ color: 'red', message: t('macros.actionsFailed', { message: errorText(error, t('errors.internal')) }) });
      return view;
    } finally {
      setMacro(null);
      void changed();
    }
  };
  return { macro, choose: setMacro, clear: () => setMacro(null), afterSend };
}
export type ComposerMacro = ReturnType<typeof useComposerMacro>;

/**
 * While the reply has `/…` at the caret, the macros matching what follows, the most used first:
 * arrows move, Enter or a click takes one — the server renders it for the ticket and its reply
 * replaces the `/…`; Esc closes the list.
 */
export function ComposerMacroPicker({
  ticketNumber,
  state,
  body,
  caret,
  keys,
  onInsert,
}: {
  ticketNumber: number;
  state: ComposerMacro;
  body: string;
  caret: number;
  keys: PickerKeys;
  onInsert: (body: string, caret: number) => void;
}) {
  const { t } = useTranslation();
  const at = macroQueryAt(body, caret);
  const macros = useMacros(at !== null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const open = at !== null && dismissed !== at.start;
  const matches = open ? searchMacros(macros.data?.macros ?? [], at.typed).slice(0, 8) : [];
  useEffect(() => setActive(0), [at?.typed]);

  const pick = async (macro: MacroView) => {
    if (!at) return;
    setLoading(true);
    try {
      const rendered = await renderMacro(ticketNumber, macro.id);
      state.choose(rendered);
      onInsert(body.slice(0, at.start) + rendered.body + body.slice(caret), at.start + rendered.body.length);
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t('errors.internal')) });
    } finally {
      setLoading(false);
    }
  };

  keys.current = open
    ? (event) => {
        if (event.key === 'Escape') setDismissed(at.start);
        else if (!matches.length) return false;
        else if (event.key === 'ArrowDown') setActive((i) => (i + 1) % matches.length);
        else if (event.key === 'ArrowUp') setActive((i) => (i - 1 + matches.length) % matches.length);
        else if (event.key === 'Enter' || event.key === 'Tab') void pick(matches[active]!);
        else return false;
        event.preventDefault();
        return true;
      }
    : null;

  if (!open) return null;
  return (
    <Paper withBorder shadow="sm" p={4} aria-label={t('macros.picker.label')} component="section">
      <Group justify="space-between" px={8} py={4}>
        <Text size="xs" fw={600} c="dimmed">
          <IconBolt size={12} aria-hidden /> {t('macros.picker.label')}
        </Text>
        <Text size="xs" c="dimmed">
          {loading ? <Loader size={12} /> : t('macros.picker.hint')}
        </Text>
      </Group>
      {matches.length === 0 ? (
        <Text size="sm" c="dimmed" px={8} py={4}>
          {macros.isPending ? '…' : t('macros.picker.none')}
        </Text>
      ) : (
        <Stack gap={2} role="listbox" aria-label={t('macros.picker.label')}>
          {matches.map((macro, i) => (
            <UnstyledButton
              key={macro.id}
              role="option"
              aria-selected={i === active}
              px={8}
              py={6}
              style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-blue-light)' : undefined }}
              onMouseEnter={() => setActive(i)}
              // Keep the caret in the reply box.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void pick(macro)}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate="end">
                    {macro.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end">
                    {actionsText(macro.actions, t) || macro.body}
                  </Text>
                </div>
                <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                  {t('macros.picker.uses', { count: macro.usageCount })}
                </Badge>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The macro chosen in the reply box and what it will also do on sending, with a way to drop its actions. */
export function ChosenMacro({ state }: { state: ComposerMacro }) {
  const { t } = useTranslation();
  if (!state.macro) return null;
  const actions = actionsText(state.macro.actions, t);
  return (
    <Group gap="xs" wrap="nowrap" data-chosen-macro={state.macro.id}>
      <Badge variant="light" leftSection={<IconBolt size={12} aria-hidden />} tt="none">
        {t('macros.chosen', { name: state.macro.name })}
      </Badge>
      {actions && (
        <Text size="xs" c="dimmed">
          {t('macros.chosenHint', { actions })}
        </Text>
      )}
      <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('macros.removeChosen')} onClick={state.clear}>
        <IconX size={14} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
