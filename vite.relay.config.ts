import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The relay for production, out/relay/cli.js: its TypeScript compiled ahead
// of time, so Node need not load its type stripper (~20 MiB per process) to
// run it; `npm run relay` and the benchmarks run this build. Packages stay
// external (an SSR build imports them from node_modules at run time); Node
// built-ins are external anyway. `node relay/cli.ts` still runs the sources.
export default defineConfig({
  build: {
    ssr: true,
    outDir: here('out/relay/'),
    emptyOutDir: true,
    target: 'node24',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      // The update guard's worker runs as a file of its own (relay/rules/update-guard.ts).
      input: {
        cli: here('relay/cli.ts'),
        'update-guard-worker': here('relay/rules/guard-worker.ts'),
      },
      // Flat: chunks (the lazily imported development IdP) sit beside cli.js.
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { target: 'node' },
});
