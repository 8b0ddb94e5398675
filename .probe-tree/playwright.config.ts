import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '/work/main/.probe-tree',
  testMatch: '*.spec.ts',
  outputDir: '/work/main/.probe-tree/results',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['line']],
  use: { browserName: 'chromium', headless: true, trace: 'off', actionTimeout: 10_000 },
});
