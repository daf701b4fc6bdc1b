import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * Which of the two modes the page shows: the designer, or practice (exercises on the
 * dependency analysis). A small store of its own: the mode is not part of the project, is not
 * undone and is not saved with the work.
 */
export type Mode = 'design' | 'practice';

export interface ModeState {
  mode: Mode;
  /** Set by a switch from the keyboard or the mouse: the other mode's switch takes the focus once it is shown. */
  focusSwitch: boolean;
  setMode(mode: Mode): void;
}

export const modeStore = createStore<ModeState>()((set) => ({
  mode: 'design',
  focusSwitch: false,
  setMode: (mode) => set({ mode, focusSwitch: true }),
}));

export function useMode(): Mode {
  return useStore(modeStore, (s) => s.mode);
}
