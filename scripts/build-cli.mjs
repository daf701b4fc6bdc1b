#!/usr/bin/env node
// Builds the command line into one bundled file (run by `npm ci` as the `prepare` step, by
// `npm run build` and by `npm run build:cli`): src/cli/entry.ts and everything it imports
// (the core, Faker, Ajv…) as one ES module for Node, with the modules that only some runs
// need (the tokenizer behind `--tokens`) in chunks of their own, loaded when asked for.
// bin/chainwright.js runs the bundle while it is newer than every source file it was built
// from (listed in inputs.json beside it), and the TypeScript source through tsx otherwise.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(root, 'node_modules', '.cache', 'chainwright', 'cli');

export async function buildCli(outDir = OUT_DIR) {
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.error('build-cli: vite is not installed (a development dependency); bin/chainwright.js will run the source through tsx');
    return null;
  }
  rmSync(outDir, { recursive: true, force: true });
  const inputs = new Set();
  const started = performance.now();
  await vite.build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: 'src/cli/entry.ts',
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        // Minified without renaming (stack traces keep the names): the command peaks 7 MiB lower
        // at start (70 instead of 77 MiB for generate --count 1); whitespace alone saves nothing.
        output: {
          format: 'es',
          entryFileNames: 'chainwright.mjs',
          chunkFileNames: '[name]-[hash].mjs',
          minify: { compress: true, mangle: false, codegen: { removeWhitespace: true } },
        },
      },
    },
    ssr: { noExternal: true, target: 'node' },
    plugins: [
      {
        name: 'chainwright-inputs',
        generateBundle(_, bundle) {
          for (const chunk of Object.values(bundle))
            if (chunk.type === 'chunk')
              for (const id of chunk.moduleIds) if (!id.includes('node_modules') && !id.startsWith('\0')) inputs.add(relative(root, id.split('?')[0]));
        },
      },
    ],
  });
  // What bin/chainwright.js compares the bundle with: the sources, and the lock file for the dependencies.
  const list = [...inputs, 'package-lock.json'].sort();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'inputs.json'), `${JSON.stringify(list)}\n`);
  return { outDir, inputs: list.length, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await buildCli(process.argv[2] ?? OUT_DIR);
  if (built) console.log(`build-cli: ${relative(process.cwd(), join(built.outDir, 'chainwright.mjs'))} (${built.inputs} source files, ${built.ms} ms)`);
}
