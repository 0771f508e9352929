import { createBrowserRouter, Outlet } from 'react-router';
// The DOM build of RouterProvider supports navigate(..., { flushSync }), used on sign-out.
import { RouterProvider } from 'react-router/dom';
import { adminRoutes } from '../features/admin/routes';
import { authRoutes } from '../features/auth/routes';
import { catalogRoutes } from '../features/catalog/routes';
import { helpRoutes } from '../features/help/routes';
import { peopleRoutes } from '../features/people/routes';
import { macrosRoutes } from '../features/macros/routes';
import { ticketsRoutes } from '../features/tickets/routes';
import { viewsRoutes } from '../features/views/routes';
import { workspaceRoutes } from '../features/workspace/routes';
import { ErrorPage } from './ErrorPage';
import { lazyPage } from './lazyPage';
import { RequireAuth } from './RequireAuth';

/**
 * Public pages first; everything else needs a session and lives inside the shell. Every page and
 * the shell itself load on first visit (lazyPage), so the sign-in page downloads none of them and a
 * customer never downloads the administration or the agent workspace.
 */
const router = createBrowserRouter([
  {
    errorElement: <ErrorPage />,
    children: [
      ...authRoutes.public,
      ...helpRoutes.public,
      { path: '/dev/mailbox', ...lazyPage(async () => (await import('../features/mail/DevMailboxPage')).DevMailboxPage) },
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          {
            ...lazyPage(async () => (await import('./Shell')).Shell),
            children: [
              { index: true, ...lazyPage(async () => (await import('./HomePage')).HomePage) },
              ...catalogRoutes.shell,
              ...ticketsRoutes.shell,
              ...workspaceRoutes.shell,
              ...viewsRoutes.shell,
              ...macrosRoutes.shell,
              ...peopleRoutes.shell,
              ...adminRoutes.shell,
              { path: '*', ...lazyPage(async () => (await import('./NotFoundPage')).NotFoundPage) },
            ],
          },
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
