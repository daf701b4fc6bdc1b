import { useDeferredValue, useId, useState } from 'react';
import type { Diagnostic } from '../../core/index.ts';
import { useAppStoreApi, selectCall, selectChain, selectDiagnostics, useAppStore } from '../../state/store.ts';
import { DiagnosticsPanel } from '../diagnostics/DiagnosticsPanel.tsx';
import { ViewTabs } from '../preview/ViewTabs.tsx';
import { PracticeButton } from '../practice/ModeSwitch.tsx';
import { LOADING_PANEL, lazyView } from '../lazyView.tsx';

const PreviewPanel = lazyView(() => import('../preview/PreviewPanel.tsx'), 'PreviewPanel', LOADING_PANEL);
const WhyPanel = lazyView(() => import('../why/WhyPanel.tsx'), 'WhyPanel', LOADING_PANEL);
// The inspector's forms load apart from the canvas, once the page is idle (a call's at once if one is selected before).
const CallInspector = lazyView(() => import('../inspector/CallInspector.tsx'), 'CallInspector', LOADING_PANEL, 'soon');
const ChainSettings = lazyView(() => import('../inspector/ChainSettings.tsx'), 'ChainSettings', null, 'idle');

type TabId = 'inspector' | 'why' | 'preview' | 'problems';

/**
 * The right-hand pane: the inspector, "Why this order", the preview and the problems, as tabs.
 * Only the open tab is rendered (the preview generates an example, which is not free).
 */
export function SidePanel() {
  const store = useAppStoreApi();
  const idBase = useId();
  const [tab, setTab] = useState<TabId>('inspector');
  const diagnostics = useAppStore(selectDiagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const tabs: { id: TabId; label: string }[] = [
    { id: 'inspector', label: 'Inspector' },
    { id: 'why', label: 'Why this order' },
    { id: 'preview', label: 'Preview' },
    { id: 'problems', label: diagnostics.length ? `Problems (${diagnostics.length})` : 'Problems' },
  ];
  const onSelectDiagnostic = (d: Diagnostic) => {
    store.getState().highlightDiagnostic(d);
    setTab('inspector');
  };
  return (
    <aside className="pane pane-side" aria-label="Details">
      <div className={`side-tabs${errors ? ' has-errors' : ''}`}>
        <ViewTabs idBase={idBase} views={tabs} value={tab} onChange={setTab} label="Details" />
      </div>
      {/* Focusable (the ARIA tabs pattern): the panel scrolls, and the keyboard must reach it (axe: scrollable-region-focusable). */}
      <div className="side-body" role="tabpanel" tabIndex={0} id={`${idBase}-panel-${tab}`} aria-labelledby={`${idBase}-tab-${tab}`}>
        {tab === 'inspector' && <Inspector />}
        {tab === 'why' && <WhyPanel />}
        {tab === 'preview' && <PreviewPanel />}
        {tab === 'problems' && (
          <DiagnosticsPanel title="Problems" diagnostics={diagnostics} onSelect={onSelectDiagnostic} emptyText="No problems: every chain can be generated." />
        )}
      </div>
      <div className="side-mode">
        <span className="side-mode-text">Find the order of the calls yourself</span>
        <PracticeButton />
      </div>
    </aside>
  );
}

function Inspector() {
  const headingId = useId();
  // A click on a call repaints the canvas at once; the call's forms follow in a render React
  // may interrupt. In a big design they are the slow part of a selection (a condition's field
  // list reads every call before it: about 170 ms at 2000 calls), and a click must not wait for
  // them to show which call it chose. Only the choice of call is deferred: an edit of the call
  // shown reaches its fields in the same render, as typing needs.
  const selectedId = useAppStore((s) => (s.selectedCallIds.length === 1 ? s.selectedCallIds[0] : null));
  const shownId = useDeferredValue(selectedId);
  const call = useAppStore((s) => selectCall(s, shownId));
  const chain = useAppStore(selectChain);
  const selectedCount = useAppStore((s) => s.selectedCallIds.length);
  return (
    <section className="panel panel-inspector" aria-labelledby={headingId} aria-busy={shownId !== selectedId}>
      <h2 id={headingId} className="panel-title">
        Inspector
      </h2>
      {call ? (
        <CallInspector key={call.id} call={call} />
      ) : (
        <p className="muted inspector-hint">
          {selectedCount > 1
            ? `${selectedCount} calls selected: copy, paste or delete them together.`
            : 'Select a call on the canvas to edit its tool, id and arguments.'}
        </p>
      )}
      {chain && <ChainSettings chain={chain} />}
    </section>
  );
}
