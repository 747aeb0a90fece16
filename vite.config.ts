import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// In development Vite serves the SPA and proxies the API (and realtime SSE) to PocketBase.
const pbUrl = process.env.PB_URL ?? 'http://127.0.0.1:8090';

export default defineConfig({
  plugins: [svelte()],
  server: { proxy: { '/api': { target: pbUrl, changeOrigin: true } } },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
});
