import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ExampleView } from './useExample.ts';
import { ExampleControls } from './ExampleControls.tsx';
import { RawRecordView } from './RawRecordView.tsx';
import { TranscriptPreview } from './TranscriptPreview.tsx';
import { ViewTabs } from './ViewTabs.tsx';

type ViewId = 'conversation' | 'raw';

const VIEWS: { id: ViewId; label: string }[] = [
  { id: 'conversation', label: 'Conversation' },
  { id: 'raw', label: 'Raw JSONL (openai)' },
];

interface Props {
  generated: ExampleView | null;
  failure: string | null;
  seed: number;
  index: number;
  onSeedChange: (seed: number) => void;
  onNextExample: () => void;
  /** Under the controls: the branch control (a chain that varies). */
  controls?: ReactNode;
  /** Above the conversation: what varies in this example. */
  marks?: ReactNode;
}

/** One generated example of the chain, as chat bubbles or as the exported openai line. */
export function ExamplePanel({ generated, failure, seed, index, onSeedChange, onNextExample, controls, marks }: Props) {
  const headingId = useId();
  const idBase = useId();
  const [view, setView] = useState<ViewId>('conversation');
  return (
    <section className="panel panel-example" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId} className="panel-title">
          Example
        </h2>
        <ViewTabs idBase={idBase} views={VIEWS} value={view} onChange={setView} label="Example view" />
      </div>
      <ExampleControls seed={seed} index={index} onSeedChange={onSeedChange} onNextExample={onNextExample} />
      {controls}
      {generated !== null && failure === null && marks}
      <div className="tab-panel" role="tabpanel" id={`${idBase}-panel-${view}`} aria-labelledby={`${idBase}-tab-${view}`} tabIndex={0}>
        {failure !== null ? (
          <p className="error-message" role="alert">
            Could not generate this example: {failure}
          </p>
        ) : generated === null ? (
          <p className="muted">No example can be generated until the diagnostics are fixed.</p>
        ) : view === 'conversation' ? (
          <TranscriptPreview example={generated.example} />
        ) : (
          <RawRecordView line={generated.line} />
        )}
      </div>
    </section>
  );
}
