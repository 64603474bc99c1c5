// The pages of the browser extension (docs/extension.md): the panel and the samlscope app, built
// into dist/extension/ with relative addresses (an extension page is served from
// chrome-extension://<id>/ or moz-extension://<uuid>/). scripts/build-extension.mjs runs this
// build, then adds the background script and the manifest.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const pages = resolve(import.meta.dirname, 'src/extension/pages');

export default defineConfig({
  root: pages,
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/extension'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8192,
    rollupOptions: { input: { panel: resolve(pages, 'panel.html'), app: resolve(pages, 'app/index.html') } },
  },
  worker: { format: 'es' },
  logLevel: 'warn',
});
