import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startI18n } from './app/i18n';
import { Providers } from './app/providers';
import { AppRouter } from './app/router';

/** Entry point: the interface's messages first, then the providers around the router, rendered into #root. */
void startI18n()
  // Without its messages the app still starts (showing keys) rather than staying blank.
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Providers>
          <AppRouter />
        </Providers>
      </StrictMode>,
    ),
  );
