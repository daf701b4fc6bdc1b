import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What the page loads before its first paint: every module reached from src/main.tsx by static
 * imports. `import type` / `export type` and `import()` (React.lazy views, the workers) are not
 * followed. An import whose names are all marked inline, `import { type X } from '…'`, IS
 * followed: under `verbatimModuleSyntax` (tsconfig) it compiles to `import '…'`, which loads and
 * runs that module (one such line in the inspector once put the whole generation side, Faker
 * included, in the page's start). The designer draws from this alone; generation, export
 * formats, Faker, the tokenizer, the chat-template engine and Monaco come with the views that
 * need them (`npm run bench:page` prints what that weighs).
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function resolveModule(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) {
    const parts = spec.split('/');
    return `npm:${parts.slice(0, spec.startsWith('@') ? 2 : 1).join('/')}`;
  }
  const base = resolve(dirname(from), spec.split('?')[0]);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => existsSync(p) && statSync(p).isFile());
}

/** Each module the start reaches, with the module that first imported it. */
function startModules(): Map<string, string | null> {
  const firstBy = new Map<string, string | null>([[resolve(SRC, 'main.tsx'), null]]);
  const queue = [resolve(SRC, 'main.tsx')];
  while (queue.length) {
    const file = queue.shift()!;
    if (file.startsWith('npm:')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const [, typeOnly, , spec, bare] = m;
      if (typeOnly) continue;
      const target = resolveModule(file, spec ?? bare);
      if (target && !firstBy.has(target)) {
        firstBy.set(target, file);
        queue.push(target);
      }
    }
  }
  return firstBy;
}

function chainTo(modules: Map<string, string | null>, target: string): string {
  const chain: string[] = [];
  for (let at: string | null | undefined = target; at; at = modules.get(at)) chain.unshift(at.startsWith('npm:') ? at : relative(SRC, at));
  return chain.join(' → ');
}

describe("the page's start", () => {
  const modules = startModules();

  it("reaches the designer: the canvas, the store and the core's first door", () => {
    expect(modules.has(resolve(SRC, 'core/index.ts'))).toBe(true);
    expect(modules.has('npm:@xyflow/react')).toBe(true);
    expect(modules.has(resolve(SRC, 'ui/canvas/Canvas.tsx'))).toBe(true);
  });

  // Two small modules of those folders that the designer needs: compiled references (conditions
  // read results with them) and the OpenAI tool list (the tool library's export).
  const light = new Set(['core/generate/compiled.ts', 'core/tools/openAITools.ts'].map((m) => resolve(SRC, m)));

  it('loads no generator, export format, Faker, tokenizer, template engine or editor', () => {
    const heavy = [...modules.keys()].filter(
      (m) =>
        !light.has(m) &&
        (m === resolve(SRC, 'core/generation.ts') ||
          /[\\/]core[\\/](generate|formats|dataset|evaluate|practice|quality)[\\/]/.test(m) ||
          /^npm:(@faker-js\/faker|gpt-tokenizer|@huggingface\/jinja|monaco-editor|@monaco-editor\/react)$/.test(m)),
    );
    expect(heavy.map((m) => chainTo(modules, m))).toEqual([]);
  });

  it("leaves the inspector's forms, the tool editor and the dialogs to load after the canvas is drawn", () => {
    const onDemand = [
      'ui/inspector/CallInspector.tsx',
      'ui/inspector/ChainSettings.tsx',
      'ui/tools/editor/ToolEditorPanel.tsx',
      'ui/settings/ProjectSettings.tsx',
      'ui/header/ExamplesDialog.tsx',
    ].map((m) => resolve(SRC, m));
    expect(onDemand.filter((m) => modules.has(m)).map((m) => chainTo(modules, m))).toEqual([]);
  });

  it('loads only these packages (a new one on the start: see what `npm run bench:page` says it weighs)', () => {
    const packages = [...modules.keys()].filter((m) => m.startsWith('npm:')).sort();
    expect(packages).toEqual(['@dagrejs/dagre', '@xyflow/react', 'ajv', 'ajv-formats', 'react', 'react-dom', 'zundo', 'zustand'].map((p) => `npm:${p}`).sort());
  });
});

describe("the core's doors", () => {
  // vite.config.ts declares both doors free of side effects, so that a door imported by the
  // start does not bring along what only lazily loaded views use: they may only re-export.
  it.each(['core/index.ts', 'core/generation.ts'])('%s only re-exports', (door) => {
    const code = readFileSync(resolve(SRC, door), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const statements = code
      .split(';')
      .map((st) => st.trim())
      .filter(Boolean);
    expect(statements.filter((st) => !/^export\s+(type\s+)?(\*|\{[^}]*\})\s+from\s+'[^']+'$/.test(st))).toEqual([]);
  });
});
