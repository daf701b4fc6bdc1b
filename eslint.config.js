import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const DOM_GLOBALS = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'navigator',
  'location',
  'HTMLElement',
  'Element',
  'Node',
  'Blob',
  'File',
  'FileReader',
  'fetch',
  'XMLHttpRequest',
  'requestAnimationFrame',
  'alert',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tmp/**', '.scratch/**', 'src/core/validate/metaSchema.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // With verbatimModuleSyntax, `import { type X } from 'm'` still loads and runs `m`: one such
      // line kept the whole generation side (Faker included) in the page's start. Write `import type`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    // The rules of hooks, and every value a hook reads in its dependency list (a value left out on
    // purpose is said so on the line, with the reason). The plugin's React Compiler rules are not
    // on: they cost about four times the lint time of src/ui, and `refs` refuses the render-time
    // caches kept in refs on purpose (the canvas' flow cache, a lazy view's first choice).
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // src/core is pure TypeScript: the UI, the worker and the CLI all call it, so it may not
    // depend on React, the DOM, zustand, Monaco or Node.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/core is pure: no React.' },
            { group: ['zustand', 'zustand/*', 'zundo'], message: 'src/core is pure: no zustand.' },
            { group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'], message: 'src/core is pure: no Monaco.' },
            { group: ['@xyflow/*'], message: 'src/core is pure: no React Flow.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'src/core is pure: no DOM globals.' }))],
    },
  },
  {
    // The core has two doors (src/core/index.ts for the designer, src/core/generation.ts for what
    // makes and reads data): the UI, the state, the workers and the CLI use nothing else of it,
    // so its inside can change freely. Tests may reach inside.
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts', 'src/workers/**/*.ts', 'src/cli/**/*.ts', 'src/main.tsx'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.testutil.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '(^|/)core/(?!(index|generation)\\.ts$)', message: 'Import the core through src/core/index.ts or src/core/generation.ts.' }],
        },
      ],
    },
  },
);
