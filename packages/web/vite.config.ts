// Vite configuration of the EpiGrid web app. The built app (dist/) is served by the EpiGrid server at `/`;
// in development, API and OpenAPI docs calls are proxied to a server running on port 8080.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiServer = 'http://127.0.0.1:8080';

/** Vite configuration (Vite requires the default export). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/docs': { target: apiServer, changeOrigin: false },
    },
  },
});
