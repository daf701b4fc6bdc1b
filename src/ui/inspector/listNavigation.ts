/** Options a Page key moves by in the pickers' lists. */
export const PAGE_STEP = 10;

/**
 * Where a list's active option goes for a navigation key (ArrowDown/Up, PageDown/Up),
 * kept within the `count` options; undefined for other keys.
 */
export function navigationTarget(key: string, active: number, count: number): number | undefined {
  let to: number;
  switch (key) {
    case 'ArrowDown':
      to = active + 1;
      break;
    case 'ArrowUp':
      to = active - 1;
      break;
    case 'PageDown':
      to = active + PAGE_STEP;
      break;
    case 'PageUp':
      to = active - PAGE_STEP;
      break;
    default:
      return undefined;
  }
  return Math.max(0, Math.min(count - 1, to));
}
