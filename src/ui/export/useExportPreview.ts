import { useEffect, useRef, useState } from 'react';
import type { DatasetSpec } from '../../core/generation.ts';
import { createPreviewer, type Previewer } from '../../workers/client.ts';
import type { PreviewResult } from '../../workers/protocol.ts';

/** How long the fields must rest before a new preview is asked for. */
const SETTLE_MS = 150;

/**
 * The preview of a spec (summary, first lines, stats), made in a worker so that typing in the
 * dialog never waits for it. The latest spec wins; `stale` is true while a newer one is on its way.
 */
export function useExportPreview(spec: DatasetSpec | null, lines: number): { result: PreviewResult | null; stale: boolean } {
  const previewer = useRef<Previewer | null>(null);
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [shown, setShown] = useState<DatasetSpec | null>(null);

  useEffect(() => {
    const p = createPreviewer();
    previewer.current = p;
    return () => {
      p.dispose();
      previewer.current = null;
    };
  }, []);

  useEffect(() => {
    if (!spec) return;
    let live = true;
    const timer = setTimeout(() => {
      void previewer.current?.preview(spec, lines).then((r) => {
        if (!live || r === null) return;
        setResult(r);
        setShown(spec);
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [spec, lines]);

  return { result, stale: spec !== shown };
}
