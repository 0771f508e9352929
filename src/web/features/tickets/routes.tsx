import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';

/** Opening a ticket from a channel's line, the customer's own list, and one ticket's page. */
export const ticketsRoutes: FeatureRoutes = {
  shell: [
    { path: 'channels/:key/lines/:serviceLineId/new', ...lazyPage(async () => (await import('./TicketFormPage')).TicketFormPage) },
    { path: 'tickets', ...lazyPage(async () => (await import('./MyTicketsPage')).MyTicketsPage) },
    { path: 'tickets/:number', ...lazyPage(async () => (await import('./TicketPage')).TicketPage) },
  ],
  public: [],
};
