import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// The renderer, built once and served both by the desktop app (custom
// protocol) and by `npm run web`. Relative base so the same files work under
// any origin or path.
export default defineConfig({
  root: fileURLToPath(new URL('renderer/', import.meta.url)),
  base: './',
  plugins: [react()],
  define: {
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version),
  },
  build: {
    outDir: fileURLToPath(new URL('out/renderer/', import.meta.url)),
    emptyOutDir: true,
    // Never inline assets as data: URLs into scripts; everything is a file under 'self'.
    assetsInlineLimit: 0,
    sourcemap: true,
    // One window, loaded from disk or the LAN; splitting buys little yet.
    chunkSizeWarningLimit: 1500,
  },
});
