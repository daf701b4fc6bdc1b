import { useState } from 'react';

/**
 * A text being edited, committed on blur: it follows the stored value when that changes
 * from elsewhere (undo, another panel), and keeps what the user typed otherwise.
 */
export function useDraft(value: string): [string, (text: string) => void] {
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  if (value !== base) {
    setBase(value);
    setDraft(value);
  }
  return [draft, setDraft];
}
