import { useCallback, useMemo } from 'react';
import { typedReference } from '../../core/index.ts';
import { useAppStoreApi, makeSelectReferenceOptions, useAppStore } from '../../state/store.ts';
import { ReferencePicker } from './ReferencePicker.tsx';

interface Props {
  callId: string;
  arg: string;
  /** The argument's reference now (`{rooms.rooms[0].room_id}`), or '' when none is chosen yet. */
  current: string;
  onPick: (reference: string) => void;
}

/**
 * An argument's reference picker: the result fields of the calls it may use (and a fan-out's
 * element), searchable (ReferencePicker). A reference typed by hand is kept as typed when the
 * call can read it (`{tasks.tasks[1].task_id}` stays `[1]`).
 */
export function ReferenceCombobox({ callId, arg, current, onPick }: Props) {
  const store = useAppStoreApi();
  const selector = useMemo(() => makeSelectReferenceOptions(callId, arg), [callId, arg]);
  const options = useAppStore(selector);
  const typed = useCallback(
    (text: string) => {
      const s = store.getState();
      return s.chainId ? typedReference(s.project, s.chainId, text, { kind: 'argument', callId }) : { ok: false as const, problem: 'no chain' };
    },
    [store, callId],
  );
  return (
    <ReferencePicker
      label={`Reference for ${arg}`}
      listLabel={`Result fields for ${arg}`}
      options={options}
      current={current}
      onPick={onPick}
      typed={typed}
      emptyText="No upstream call has a result to use: connect or add a call that runs before this one."
    />
  );
}
