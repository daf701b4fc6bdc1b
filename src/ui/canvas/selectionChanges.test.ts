import { describe, expect, it } from 'vitest';
import { nextSelection } from './selectionChanges.ts';

describe('nextSelection', () => {
  it('applies select and unselect changes, keeping the order of the current selection', () => {
    expect(
      nextSelection(
        ['a', 'b'],
        [
          { type: 'select', id: 'c', selected: true },
          { type: 'select', id: 'a', selected: false },
        ],
      ),
    ).toEqual(['b', 'c']);
  });
  it('is null when the changes select nothing new', () => {
    expect(nextSelection(['a'], [{ type: 'position', id: 'a' }])).toBeNull();
    expect(nextSelection(['a'], [{ type: 'select', id: 'a', selected: true }])).toBeNull();
    expect(nextSelection([], [{ type: 'select', id: 'x', selected: false }])).toBeNull();
  });
});
