import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { acsCapture } from './vite-plugins/acsCapture';
import { devCsp } from './vite-plugins/devCsp';
import { precacheManifest } from './vite-plugins/precacheManifest';
import { securityHeaders } from './vite-plugins/securityHeaders';

export default defineConfig({
  plugins: [react(), acsCapture(), devCsp(), precacheManifest()],
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
  // docs/hosting.md: the headers a static host should send; `vite preview` is what `npm start` serves.
  preview: { headers: securityHeaders('preview') },
  server: { headers: securityHeaders('dev') },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
} as any);
