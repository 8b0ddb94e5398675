import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built renderer (npm run test:e2e builds first)
// against a real relay; each test starts its own relay and web server on
// port 0 (e2e/fixtures.ts), so tests run in parallel without sharing state.
// The browser (Playwright's Chromium, else the system one) is resolved in the
// fixtures, so a spec that needs no browser runs even where none exists.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  // A test is a whole scenario of two people (sign-in, share, type, check the
  // other side): about 25 s alone, twice that with two workers on a 2-core
  // CI machine. The timeout guards against hangs; it is not a speed limit.
  timeout: 150_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
  },
});
