import { useEffect, useRef } from 'react';
import { useAppStoreApi } from '../../state/store.ts';
import { modeStore } from './modeStore.ts';
import './modeSwitch.css';

/** Into practice mode (from the designer's side panel). */
export function PracticeButton() {
  const store = useAppStoreApi();
  const ref = useFocusAfterSwitch();
  return (
    <button
      ref={ref}
      type="button"
      className="button mode-switch"
      title="Practise finding the order of the calls: the bundled exercises, or this design"
      onClick={() => {
        // Keys pressed while practising must not act on calls selected on the (hidden) canvas.
        store.getState().clearSelection();
        modeStore.getState().setMode('practice');
      }}
    >
      Practice
    </button>
  );
}

/** Back to the designer (from practice mode). */
export function DesignerButton() {
  const ref = useFocusAfterSwitch();
  return (
    <button ref={ref} type="button" className="button mode-switch" onClick={() => modeStore.getState().setMode('design')}>
      ← Back to the designer
    </button>
  );
}

/** The switch shown after a mode change takes the focus (the one pressed is gone). */
function useFocusAfterSwitch() {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!modeStore.getState().focusSwitch) return;
    modeStore.setState({ focusSwitch: false });
    ref.current?.focus();
  }, []);
  return ref;
}
