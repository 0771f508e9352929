import { Button, Kbd, Menu } from '@mantine/core';
import { IconArrowMerge, IconChevronDown, IconCircleCheck, IconLink, IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketLinksView } from '../../../contracts/links';
import type { TicketView } from '../../../contracts/tickets';
import { CloseDialog } from '../closing/CloseDialog';
import { LinkDialog } from '../links/LinkDialog';
import { MergeDialog } from '../links/MergeDialog';
import { ReplyAllDialog } from '../links/ReplyAllDialog';

/** The dialogs of the agent's action menu; the page's shortcuts open them too. */
export type ActionDialog = 'close' | 'merge' | 'link' | 'replyAll';

/** The menu's actions the agent may take now (from the server's `actions`), with their keys and help. */
export function agentMenuActions(ticket: TicketView, links: TicketLinksView | undefined) {
  const all = [
    { dialog: 'close', key: 'c', label: 'closing.action', hint: 'closing.shortcut', allowed: ticket.actions.closeWithReason },
    { dialog: 'merge', key: 'm', label: 'links.merge.action', hint: 'links.merge.shortcut', allowed: ticket.actions.merge },
    { dialog: 'link', key: 'l', label: 'links.link.action', hint: 'links.link.shortcut', allowed: ticket.actions.link },
    { dialog: 'replyAll', key: 'a', label: 'links.replyAll.action', hint: 'links.replyAll.shortcut', allowed: ticket.actions.reply && Boolean(links?.incidents.length) },
  ] as const;
  return all.filter((item) => item.allowed);
}

const icons = { close: IconCircleCheck, merge: IconArrowMerge, link: IconLink, replyAll: IconMessages };

/** The ticket page's agent action menu ("Ações") and its dialogs; each dialog starts afresh on the ticket as it is when opened. */
export function AgentActionsMenu({ ticket, links, dialog, onDialog }: { ticket: TicketView; links: TicketLinksView | undefined; dialog: ActionDialog | null; onDialog: (dialog: ActionDialog | null) => void }) {
  const { t } = useTranslation();
  const items = agentMenuActions(ticket, links);
  const close = () => onDialog(null);
  return (
    <>
      {items.length > 0 && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" size="sm" rightSection={<IconChevronDown size={14} aria-hidden />}>
              {t('admin.common.actions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {items.map((item) => {
              const Icon = icons[item.dialog];
              return (
                <Menu.Item key={item.dialog} leftSection={<Icon size={16} aria-hidden />} rightSection={<Kbd size="xs">{item.key}</Kbd>} onClick={() => onDialog(item.dialog)}>
                  {t(item.label)}
                </Menu.Item>
              );
            })}
          </Menu.Dropdown>
        </Menu>
      )}
      {dialog === 'close' && <CloseDialog ticket={ticket} opened onClose={close} />}
      {dialog === 'merge' && <MergeDialog ticket={ticket} opened onClose={close} />}
      {dialog === 'link' && <LinkDialog ticket={ticket} opened onClose={close} />}
      {dialog === 'replyAll' && <ReplyAllDialog ticket={ticket} incidents={links?.incidents.length ?? 0} opened onClose={close} />}
    </>
  );
}
