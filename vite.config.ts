import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://localhost:3000';

/** The browser app lives in src/web; the server serves its build from dist/web. */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  // postcss.config.cjs sits at the repository root, above the Vite root.
  css: { postcss: repoRoot },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each entry loads, read by the size budget (e2e/bundle-budget.e2e.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every page runs, in one chunk that stays cached across releases. The rest of Mantine and
            // the other libraries split with the pages that use them: the sign-in page downloads no table.
            { name: 'framework', test: /node_modules[\\/](?:react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|@mantine[\\/]core[\\/]esm[\\/]core|@mantine[\\/]hooks)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': backend, '/healthz': backend },
  },
});
