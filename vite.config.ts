import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://localhost:3000';

/** The browser app lives in src/web; the server serves its build from dist/web. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  // postcss.config.cjs sits at the repository root, above the Vite root.
  css: { postcss: repoRoot },
  build: { outDir: '../../dist/web', emptyOutDir: true },
  server: {
    port: 5173,
    proxy: { '/api': backend, '/healthz': backend },
  },
});
