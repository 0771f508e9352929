import type { Messages } from './pt-BR';
import { coreMessages } from './en/core';
import { authMessages } from './en/auth';
import { mailMessages } from './en/mail';
import { ticketsMessages } from './en/tickets';
import { workspaceMessages } from './en/workspace';
import { adminMessages } from './en/admin';
import { peopleMessages } from './en/people';
import { helpMessages } from './en/help';
import { viewsMessages } from './en/views';
import { liveMessages } from './en/live';
import { slaAdminMessages } from './en/sla-admin';
import { closingMessages } from './en/closing';
import { linksMessages } from './en/links';
import { macrosMessages } from './en/macros';
import { slaMessages } from './en/sla';
import { shortcutsMessages } from './en/shortcuts';

export const en: Messages = {
  ...coreMessages,
  ...authMessages,
  ...mailMessages,
  ...ticketsMessages,
  ...workspaceMessages,
  ...adminMessages,
  ...peopleMessages,
  ...helpMessages,
  ...viewsMessages,
  ...liveMessages,
  ...slaAdminMessages,
  ...closingMessages,
  ...linksMessages,
  ...macrosMessages,
  ...slaMessages,
  ...shortcutsMessages,
};
