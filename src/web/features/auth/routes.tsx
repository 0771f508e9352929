import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';

/** Signing in and the pages that mailed links open; none needs a session. */
export const authRoutes: FeatureRoutes = {
  shell: [],
  public: [
    { path: '/login', ...lazyPage(async () => (await import('./LoginPage')).LoginPage) },
    { path: '/forgot-password', ...lazyPage(async () => (await import('./ForgotPasswordPage')).ForgotPasswordPage) },
    { path: '/set-password', ...lazyPage(async () => (await import('./SetPasswordPage')).SetPasswordPage) },
    { path: '/setup', ...lazyPage(async () => (await import('./SetupPage')).SetupPage) },
    { path: '/confirm-email', ...lazyPage(async () => (await import('./ConfirmEmailPage')).ConfirmEmailPage) },
    { path: '/undo-email', ...lazyPage(async () => (await import('./UndoEmailPage')).UndoEmailPage) },
  ],
};
