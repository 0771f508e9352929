import type { AssignmentTables } from '../features/assignment/assignment.tables';
import type { AuditTables } from '../features/audit/audit.tables';
import type { AuthTables } from '../features/auth/auth.tables';
import type { HelpTables } from '../features/help/help.tables';
import type { ClosingTables } from '../features/closing/closing.tables';
import type { LinksTables } from '../features/links/links.tables';
import type { CatalogTables } from '../features/catalog/catalog.tables';
import type { CompaniesTables } from '../features/companies/companies.tables';
import type { GroupsTables } from '../features/groups/groups.tables';
import type { MacrosTables } from '../features/macros/macros.tables';
import type { MailTables } from '../features/mail/mail.tables';
import type { NotificationsTables } from '../features/notifications/notifications.tables';
import type { PeopleTables } from '../features/people/people.tables';
import type { SlaTables } from '../features/sla/sla.tables';
import type { SettingsTables } from '../features/settings/settings.tables';
import type { TicketsTables } from '../features/tickets/tickets.tables';
import type { TagsTables } from '../features/tags/tags.tables';
import type { ViewsTables } from '../features/views/views.tables';

/** Every table, joined from each feature's *.tables.ts. */
export interface Database
  extends PeopleTables,
    AuthTables,
    CompaniesTables,
    GroupsTables,
    CatalogTables,
    MailTables,
    SettingsTables,
    TicketsTables,
    HelpTables,
    AuditTables,
    TagsTables,
    ViewsTables,
    AssignmentTables,
    NotificationsTables,
    ClosingTables,
    LinksTables,
    MacrosTables,
    SlaTables {}
