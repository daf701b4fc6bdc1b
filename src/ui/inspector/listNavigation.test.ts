import { describe, expect, it } from 'vitest';
import { navigationTarget, PAGE_STEP } from './listNavigation.ts';

describe('navigationTarget', () => {
  it('moves by one with the arrows and by a page with Page keys, staying inside the list', () => {
    expect(navigationTarget('ArrowDown', 3, 20)).toBe(4);
    expect(navigationTarget('ArrowUp', 3, 20)).toBe(2);
    expect(navigationTarget('PageDown', 3, 20)).toBe(3 + PAGE_STEP);
    expect(navigationTarget('PageDown', 15, 20)).toBe(19);
    expect(navigationTarget('PageUp', 3, 20)).toBe(0);
    expect(navigationTarget('ArrowUp', 0, 20)).toBe(0);
    expect(navigationTarget('ArrowDown', 19, 20)).toBe(19);
  });

  it('ignores other keys', () => {
    expect(navigationTarget('Enter', 3, 20)).toBeUndefined();
    expect(navigationTarget('a', 3, 20)).toBeUndefined();
  });
});
