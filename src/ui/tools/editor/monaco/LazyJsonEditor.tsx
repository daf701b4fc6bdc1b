/**
 * The Monaco editor, loaded on first use: `React.lazy` + a dynamic import, so Monaco, its
 * CSS, font and workers are fetched only when an editor first opens.
 */
import { lazy, Suspense } from 'react';
import type { MonacoJsonEditorProps } from './MonacoJsonEditor.tsx';
import { markMonacoRequested } from './loadTiming.ts';

const MonacoJsonEditor = lazy(() => {
  markMonacoRequested();
  return import('./MonacoJsonEditor.tsx');
});

export type { MonacoJsonEditorProps, JsonEditorHandle } from './MonacoJsonEditor.tsx';

export function LazyJsonEditor(props: MonacoJsonEditorProps) {
  return (
    <Suspense
      fallback={
        <p className="muted tool-editor-loading" role="status">
          Loading the editor…
        </p>
      }
    >
      <MonacoJsonEditor {...props} />
    </Suspense>
  );
}
