#!/usr/bin/env node
// The command line. It runs the bundle that scripts/build-cli.mjs makes (`npm ci`, `npm run
// build`, `npm run build:cli`) while the bundle is newer than every file it was built from
// (its inputs.json), and otherwise — no bundle yet, or a source edited since — the TypeScript
// source through tsx (a development dependency), so an edit is never run stale.
// CHAINWRIGHT_CLI=source or =bundle picks one (for measurements).

// node:fs through getBuiltinModule (Node ≥ 20.16), not an import: with `import … from 'node:fs'`
// in this file, generate --count 1 peaked at 77 MiB instead of 70 (Node 20.20).
const { readFileSync, statSync } = process.getBuiltinModule?.('node:fs') ?? (await import('node:fs'));

// Node 22 and later keep V8's compiled code of the bundle between runs (in the system's
// temporary folder); Node 20 has no such cache.
if (Number(process.versions.node.split('.')[0]) >= 22) (await import('node:module')).enableCompileCache?.();

const root = new URL('../', import.meta.url);
const dir = new URL('node_modules/.cache/chainwright/cli/', root);
const bundle = new URL('chainwright.mjs', dir);
const source = new URL('src/cli/entry.ts', root);

function exists(url) {
  try {
    statSync(url);
    return true;
  } catch {
    return false;
  }
}

/** The bundle is there and no file it was built from changed (or went) since. */
function upToDate() {
  let built;
  let inputs;
  try {
    built = statSync(bundle).mtimeMs;
    inputs = JSON.parse(readFileSync(new URL('inputs.json', dir), 'utf8'));
  } catch {
    return false;
  }
  for (const file of inputs) {
    try {
      if (statSync(new URL(file, root)).mtimeMs > built) return false;
    } catch {
      return false;
    }
  }
  return true;
}

const want = process.env.CHAINWRIGHT_CLI;
if (want === 'bundle' || (want !== 'source' && (upToDate() || !exists(source)))) {
  await import(bundle.href);
} else {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    process.stderr.write(
      'chainwright: the bundle is missing or older than the source, and tsx (a development dependency) is not installed to run the source: npm ci, or npm run build:cli\n',
    );
    process.exit(1);
  }
  tsx.register();
  await import(source.href);
}
