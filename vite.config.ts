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
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
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
