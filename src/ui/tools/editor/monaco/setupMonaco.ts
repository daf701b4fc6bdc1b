/**
 * Monaco, bundled locally and slim: the editor API with its contributions and the JSON
 * language only (no other language, no TypeScript/CSS/HTML workers). Imported only by the
 * lazily loaded editor chunk, so Monaco costs nothing until the first editor opens. The workers are Vite `?worker` files served from the origin
 * (CSP `worker-src 'self'`), the codicon font is an emitted asset (`font-src` via
 * `default-src 'self'`), and `@monaco-editor/react` is pointed at this instance with
 * `loader.config({ monaco })` — otherwise it would fetch Monaco from a CDN.
 */
import * as monaco from 'monaco-editor/editor';
// The editor's contributions and services (suggest, hover, find, folding, code lens cache…).
// The JSON mode imports this module itself when the language first activates; importing it
// here registers every service before the first editor is created (registered later, an
// open editor fails with "depends on UNKNOWN service").
import 'monaco-editor/internal/common/workers';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { loader } from '@monaco-editor/react';
import { JSON_SCHEMAS } from './schemas.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  schemaValidation: 'error',
  // Never fetch a schema: a "$schema" URL in a definition is not loaded, and not warned about.
  enableSchemaRequest: false,
  schemaRequest: 'ignore',
  schemas: JSON_SCHEMAS,
});

loader.config({ monaco });

export { monaco };
