// End-to-end tests of the built app (`npm run build` first) in Debian's Chromium: Playwright
// must not download a browser here (see DEVELOPERS.md / scripts/test-all.mjs).
import { defineConfig } from '@playwright/test';

// E2E_PORT / E2E_DIST let several builds be tested side by side (default: dist/app on 4173).
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist/app';
// The test IdP (e2e/idp/server.mjs); not 4190, a port browsers refuse (Fetch "bad port").
const idpPort = Number(process.env.IDP_PORT ?? 4191);

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The third-party IdP (auth0's samlp) for the mock-SP round trips: e2e/idp/server.mjs.
      command: `node e2e/idp/server.mjs`,
      url: `http://127.0.0.1:${idpPort}/metadata`,
      env: { IDP_PORT: String(idpPort) },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
