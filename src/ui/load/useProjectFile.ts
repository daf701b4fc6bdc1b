import { useEffect, useState } from 'react';
import { parseProject, validateProject } from '../../core/index.ts';
import type { Diagnostic, Project } from '../../core/index.ts';
import { uniqueDiagnostics } from '../diagnostics/uniqueDiagnostics.ts';

/** What the page knows about the project file it opened. */
export type LoadState =
  | { status: 'loading'; url: string }
  | { status: 'loaded'; url: string; project: Project; diagnostics: Diagnostic[] }
  | { status: 'failed'; url: string; error: LoadFailure; diagnostics: Diagnostic[] };

export interface LoadFailure {
  /** 'fetch' when the file could not be read; otherwise the parser's error kind. */
  kind: string;
  message: string;
  /** JSON path of the problem, when the parser gave one. */
  path?: string;
  line?: number;
}

/**
 * Fetches a project file relative to the page (so the app works under any base path) and parses
 * and validates it with the core. Aborts the request when the URL changes or the component unmounts.
 */
export function useProjectFile(url: string): LoadState {
  const [state, setState] = useState<LoadState>({ status: 'loading', url });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading', url });
    void (async () => {
      let text: string;
      try {
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
        if (!response.ok) {
          throw new Error(`The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
        }
        text = await response.text();
      } catch (cause) {
        if (controller.signal.aborted) return;
        const message = cause instanceof Error ? cause.message : String(cause);
        setState({ status: 'failed', url, error: { kind: 'fetch', message: `Could not load ${url}: ${message}` }, diagnostics: [] });
        return;
      }
      if (controller.signal.aborted) return;
      const parsed = parseProject(text);
      if (parsed.ok) {
        // Parsing checks the file's structure; validation checks tools, references and cycles.
        const diagnostics = uniqueDiagnostics(parsed.diagnostics, validateProject(parsed.project));
        setState({ status: 'loaded', url, project: parsed.project, diagnostics });
      } else {
        setState({ status: 'failed', url, error: { ...parsed.error }, diagnostics: parsed.diagnostics });
      }
    })();
    return () => controller.abort();
  }, [url]);

  return state;
}
