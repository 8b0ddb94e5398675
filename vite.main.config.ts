import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The Electron main process, bundled with its dependencies (zod, ...) into one
// CommonJS file, out/main/index.cjs (package.json "main"). Only Electron and
// Node built-ins stay external: the packaged app needs no node_modules.
export default defineConfig({
  build: {
    ssr: fileURLToPath(new URL('main/index.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('out/main/', import.meta.url)),
    emptyOutDir: true,
    target: 'node22', // Electron 45 runs Node 22
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: 'index.cjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
