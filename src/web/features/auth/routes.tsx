import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { LoginPage } from './LoginPage';
import { SetPasswordPage } from './SetPasswordPage';
import { SetupPage } from './SetupPage';

/** Signing in and the pages that mailed links open; none needs a session. */
export const authRoutes: FeatureRoutes = {
  shell: [],
  public: [
    { path: '/login', element: <LoginPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    { path: '/set-password', element: <SetPasswordPage /> },
    { path: '/setup', element: <SetupPage /> },
    { path: '/confirm-email', ...lazyPage(async () => (await import('./ConfirmEmailPage')).ConfirmEmailPage) },
    { path: '/undo-email', ...lazyPage(async () => (await import('./UndoEmailPage')).UndoEmailPage) },
  ],
};
