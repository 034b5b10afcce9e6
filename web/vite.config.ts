import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// The admin SPA. The API server serves web/dist with an SPA fallback; in development
// `npm run dev:web` proxies /api to a server started separately on port 3000.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
    // The SPA imports pure modules from src/domain (NPS maths, role tables).
    fs: { allow: [repoRoot] },
  },
});
