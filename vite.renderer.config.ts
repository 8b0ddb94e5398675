import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// The renderer, built once and served both by the desktop app (custom
// protocol) and by `npm run web`. Relative base so the same files work under
// any origin or path.
export default defineConfig({
  root: fileURLToPath(new URL('renderer/', import.meta.url)),
  base: './',
  plugins: [
    react(),
    // The web client's app shell for offline use: a Workbox service
    // worker precaches every built file and answers navigations with
    // index.html, so a browser tab opens with no network at all; the notes
    // come from IndexedDB as in the desktop app. Registered by the web host
    // only (renderer/host/offline-shell.ts): the desktop app loads from disk.
    VitePWA({
      strategies: 'generateSW',
      filename: 'sw.js',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,png,svg,ico,woff2}'],
        navigateFallback: 'index.html',
        // One file, no importScripts of a separate runtime chunk.
        inlineWorkboxRuntime: true,
        cleanupOutdatedCaches: true,
        sourcemap: false,
        // No skipWaiting: an open tab keeps the version it started with
        // until every tab of it is closed, so a lazily loaded chunk never
        // comes from another build.
      },
    }),
  ],
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
