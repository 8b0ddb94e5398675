import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The preload, bundled into one CommonJS file, out/preload/index.cjs: a
// sandboxed preload cannot be an ES module and can require only 'electron'
// (and a few polyfilled modules), so everything else is bundled in.
export default defineConfig({
  build: {
    lib: {
      entry: fileURLToPath(new URL('preload/index.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    outDir: fileURLToPath(new URL('out/preload/', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome140', // Electron 45's Chromium
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
