import { createBrowserRouter } from 'react-router';
// The DOM build of RouterProvider supports navigate(..., { flushSync }), used on sign-out.
import { RouterProvider } from 'react-router/dom';
import { adminRoutes } from '../features/admin/routes';
import { authRoutes } from '../features/auth/routes';
import { ChannelPage } from '../features/catalog/ChannelPage';
import { helpRoutes } from '../features/help/routes';
import { DevMailboxPage } from '../features/mail/DevMailboxPage';
import { peopleRoutes } from '../features/people/routes';
import { macrosRoutes } from '../features/macros/routes';
import { MyTicketsPage } from '../features/tickets/MyTicketsPage';
import { TicketFormPage } from '../features/tickets/TicketFormPage';
import { TicketPage } from '../features/tickets/TicketPage';
import { viewsRoutes } from '../features/views/routes';
import { workspaceRoutes } from '../features/workspace/routes';
import { ErrorPage } from './ErrorPage';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import { Shell } from './Shell';

/** Public pages first; everything else needs a session and lives inside the shell. */
const router = createBrowserRouter([
  {
    errorElement: <ErrorPage />,
    children: [
      ...authRoutes.public,
      ...helpRoutes.public,
      { path: '/dev/mailbox', element: <DevMailboxPage /> },
      {
        element: (
          <RequireAuth>
            <Shell />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'channels/:key', element: <ChannelPage /> },
          { path: 'channels/:key/lines/:serviceLineId/new', element: <TicketFormPage /> },
          { path: 'tickets', element: <MyTicketsPage /> },
          { path: 'tickets/:number', element: <TicketPage /> },
          ...workspaceRoutes.shell,
          ...viewsRoutes.shell,
          ...macrosRoutes.shell,
          ...peopleRoutes.shell,
          ...adminRoutes.shell,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** The app's routes. */
export function AppRouter() {
  // Without transitions a click renders the next page at once, so input typed right after a
  // navigation never lands in the page that is leaving (the auth pages share field labels).
  return <RouterProvider router={router} useTransitions={false} />;
}
