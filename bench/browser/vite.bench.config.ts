import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The editor bench page (bench/browser/page/), built by bench/browser/harness.ts
// into a temporary directory at the start of a bench run; outDir is set there.
export default defineConfig({
  root: fileURLToPath(new URL('page/', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
