import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const PUBLIC_DIR = resolve(import.meta.dirname, 'public');
const PUBLIC_JSON = '\0public-json:';

/**
 * The core imports public/schema/tool-1.schema.json (the file the app also serves at
 * /schema/tool-1.schema.json, so there is one copy). The dev server serves a module by its
 * path, and one under /public/ makes it print a 3-line warning ("Assets in public directory
 * cannot be imported from JavaScript") on every request for it. This serves such a JSON
 * import as a module of its own id instead: same content, no warning. The build inlines the
 * import as before (the plugin applies to `vite` / `vite dev` only).
 */
function publicJsonImports(): Plugin {
  return {
    name: 'chainwright:public-json-imports',
    apply: 'serve',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('.json') || !source.includes('public/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !resolved.id.startsWith(PUBLIC_DIR + sep) || !resolved.id.endsWith('.json')) return null;
      return PUBLIC_JSON + resolved.id;
    },
    load(id) {
      if (!id.startsWith(PUBLIC_JSON)) return null;
      const file = id.slice(PUBLIC_JSON.length);
      this.addWatchFile(file);
      // The id still ends in .json: Vite's JSON plugin turns the text into a module, as for any JSON import.
      return readFileSync(file, 'utf8');
    },
  };
}

// The app is fully static: `vite build` writes dist/ that any file server can host.
export default defineConfig({
  plugins: [react(), publicJsonImports()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // The core's two doors (src/core/index.ts, src/core/generation.ts) only re-export
      // (src/ui/startPath.test.ts holds them to that). Declared free of side effects, a door
      // imported by the page's start does not make the start load every module behind it: a
      // module only a lazily loaded view uses goes with that view's chunk.
      treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]core[\\/](index|generation)\.ts$/, sideEffects: false }] },
    },
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Speed (issue 18 item 9). Most of an isolated run went to loading the same core modules
    // again for each of ~170 files; without isolation a worker loads them once and runs file
    // after file (about 75 CPU-seconds instead of 180). What that asks of a test: leave no
    // state behind in a shared module or global (restore fake timers in afterEach, reset a
    // store you changed, keep vi.mock out: it cannot be undone between files). Worker
    // threads, not forks: cheaper to start, and no test needs process.chdir or its own process.
    // Vitest's default is one worker fewer than the cores, which on a two-core machine is one
    // worker for the whole suite; at least two keep both cores busy.
    pool: 'threads',
    isolate: false,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Property tests over every example chain take 1–3 s on a quiet machine; a busy one (CI
    // beside other work, two cores) can take several times that. No test asserts a duration.
    testTimeout: 30_000,
  },
});
