import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scrollToShow } from './tabScroll.ts';

describe('scrollToShow', () => {
  const row = { scroll: 0, view: 300, content: 900 };

  it('leaves the row where it is when the tab is already wholly in view', () => {
    expect(scrollToShow({ start: 100, size: 80 }, row)).toBe(0);
    expect(scrollToShow({ start: 400, size: 80 }, { ...row, scroll: 350 })).toBe(350);
  });

  it('scrolls just enough, with a margin, to show a tab past either end', () => {
    expect(scrollToShow({ start: 700, size: 150 }, row, 20)).toBe(700 + 150 - 300 + 20);
    expect(scrollToShow({ start: 100, size: 80 }, { ...row, scroll: 400 }, 20)).toBe(80);
  });

  it('never scrolls before the start or past the end of the row', () => {
    expect(scrollToShow({ start: 5, size: 80 }, { ...row, scroll: 400 }, 20)).toBe(0);
    expect(scrollToShow({ start: 820, size: 80 }, row, 20)).toBe(600);
  });

  it('shows the whole tab whenever it fits in the view', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 600 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 10, max: 90 }),
        fc.integer({ min: 0, max: 2000 }),
        (view, before, size, scroll) => {
          const content = Math.max(view, before + size + 50);
          const tab = { start: Math.min(before, content - size), size };
          const at = scrollToShow(tab, { scroll: Math.min(scroll, content - view), view, content }, 24);
          expect(tab.start).toBeGreaterThanOrEqual(at);
          expect(tab.start + tab.size).toBeLessThanOrEqual(at + view);
        },
      ),
    );
  });
});
