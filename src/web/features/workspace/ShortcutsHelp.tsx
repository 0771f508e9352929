import { ActionIcon, Group, Kbd, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShortcutHelpItem } from './useShortcuts';

const shown: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' };
/** A key as the help shows it: arrows as arrows, Shift spelled out. */
const display = (key: string) => shown[key] ?? key.replace(/^Shift\+/, 'Shift + ');

/** The "?" button and the dialog that lists the page's keyboard shortcuts (`useShortcuts`' list: every one there is). */
export function ShortcutsHelp({ items, opened, onOpen, onClose }: { items: ShortcutHelpItem[]; opened: boolean; onOpen: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Tooltip label={t('workspace.shortcuts.open')}>
        <ActionIcon variant="default" size="lg" visibleFrom="sm" aria-label={t('workspace.shortcuts.open')} aria-haspopup="dialog" onClick={onOpen}>
          <IconKeyboard size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Modal
        opened={opened}
        onClose={onClose}
        title={t('workspace.shortcuts.title')}
        closeButtonProps={{ 'aria-label': t('workspace.shortcuts.close') }}
        styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        <Stack gap="sm">
          <Table verticalSpacing={6} withRowBorders={false}>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.label} data-keys={item.keys.join(' ')}>
                  <Table.Td w={1} style={{ whiteSpace: 'nowrap', paddingRight: 'var(--mantine-spacing-lg)' }}>
                    <Group gap={4} wrap="nowrap">
                      {item.keys.map((key, i) => (
                        <Fragment key={key}>
                          {i > 0 && (
                            <Text span size="xs" c="dimmed">
                              {t('workspace.shortcuts.or')}
                            </Text>
                          )}
                          <Kbd>{display(key)}</Kbd>
                        </Fragment>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.label}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('workspace.shortcuts.typing')}
          </Text>
        </Stack>
      </Modal>
    </>
  );
}
