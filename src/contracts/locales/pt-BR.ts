import { coreMessages } from './pt-BR/core';
import { authMessages } from './pt-BR/auth';
import { mailMessages } from './pt-BR/mail';
import { ticketsMessages } from './pt-BR/tickets';
import { workspaceMessages } from './pt-BR/workspace';
import { adminMessages } from './pt-BR/admin';
import { peopleMessages } from './pt-BR/people';
import { helpMessages } from './pt-BR/help';
import { viewsMessages } from './pt-BR/views';
import { liveMessages } from './pt-BR/live';
import { slaAdminMessages } from './pt-BR/sla-admin';
import { closingMessages } from './pt-BR/closing';
import { linksMessages } from './pt-BR/links';
import { macrosMessages } from './pt-BR/macros';
import { slaMessages } from './pt-BR/sla';
import { shortcutsMessages } from './pt-BR/shortcuts';

/** The Portuguese messages define the keys; en and es must match them (one file per feature). */
export const ptBR = {
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

export type Messages = typeof ptBR;
