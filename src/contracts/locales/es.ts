import type { Messages } from './pt-BR';
import { coreMessages } from './es/core';
import { authMessages } from './es/auth';
import { mailMessages } from './es/mail';
import { ticketsMessages } from './es/tickets';
import { workspaceMessages } from './es/workspace';
import { adminMessages } from './es/admin';
import { peopleMessages } from './es/people';
import { helpMessages } from './es/help';
import { viewsMessages } from './es/views';
import { liveMessages } from './es/live';
import { slaAdminMessages } from './es/sla-admin';
import { closingMessages } from './es/closing';
import { linksMessages } from './es/links';
import { macrosMessages } from './es/macros';
import { slaMessages } from './es/sla';
import { shortcutsMessages } from './es/shortcuts';

export const es: Messages = {
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
