/** The room kept beside a tab scrolled into view, so that the next one peeks out (px). */
export const TAB_SCROLL_MARGIN = 24;

/**
 * Where a row that scrolls sideways must be scrolled for a tab to be wholly in view: the
 * current `scroll` when it already is, else the least move that shows it with `margin` beside
 * it (never past the row's ends). All values in px along the row.
 */
export function scrollToShow(tab: { start: number; size: number }, row: { scroll: number; view: number; content: number }, margin = TAB_SCROLL_MARGIN): number {
  const max = Math.max(0, row.content - row.view);
  const end = tab.start + tab.size;
  // The margin shrinks when the tab and both margins do not fit; a tab wider than the view shows its start.
  const room = Math.max(0, Math.min(margin, (row.view - tab.size) / 2));
  let next = row.scroll;
  if (tab.start < row.scroll || tab.size > row.view) next = tab.start - room;
  else if (end > row.scroll + row.view) next = end - row.view + room;
  return Math.min(max, Math.max(0, next));
}
