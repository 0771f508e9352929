import { createBrowserRouter } from 'react-router';
// The DOM build of RouterProvider supports navigate(..., { flushSync }), used on sign-out.
import { RouterProvider } from 'react-router/dom';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SetPasswordPage } from '../features/auth/SetPasswordPage';
import { SetupPage } from '../features/auth/SetupPage';
import { ChannelPage } from '../features/catalog/ChannelPage';
import { DevMailboxPage } from '../features/mail/DevMailboxPage';
import { MyTicketsPage } from '../features/tickets/MyTicketsPage';
import { TicketFormPage } from '../features/tickets/TicketFormPage';
import { TicketPage } from '../features/tickets/TicketPage';
import { adminRoutes } from '../features/admin/routes';
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
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/set-password', element: <SetPasswordPage /> },
      { path: '/setup', element: <SetupPage /> },
      { path: '/dev/mailbox', element: <DevMailboxPage /> },
      ...workspaceRoutes.public,
      ...adminRoutes.public,
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
