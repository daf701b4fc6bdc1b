import { readFileSync } from 'node:fs';
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
    // Property tests over every example chain take 1–3 s on a quiet machine; a busy one (CI
    // beside other work, two cores) can take several times that. No test asserts a duration.
    testTimeout: 30_000,
  },
});
