import type { GraphView } from '../../core/index.ts';

/**
 * The first view of a chain: as much of it as fits at a zoom where every label is readable.
 *
 * The smallest text on a call or an edge is 11 px (app.css: field names, badges, edge labels),
 * so the floor is zoom 1: a fit never shrinks the labels below 11 px on screen. A chain that
 * does not fit at that zoom opens on its first turn (the top-left of the chain: turns are
 * columns from left to right), and the rest is a pan away (or "Fit View" for the whole).
 * A compact node whose text stays large when zoomed out was the other choice; it would have
 * changed every node's geometry (handles, row heights) for a view that still shows little.
 */
export const READABLE_ZOOM = 1;
/** A small chain is not blown up past its natural size. */
export const MAX_FIRST_ZOOM = 1;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept free at each edge of the canvas (the minimap and the zoom controls sit at the bottom). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FirstViewport {
  x: number;
  y: number;
  zoom: number;
}

/** The rectangle around every turn band and every call of the view (flow units), or null for an empty chain. */
export function viewBounds(view: Pick<GraphView, 'nodes' | 'bands'>): Rect | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const take = (x: number, y: number, w: number, h: number) => {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + w);
    bottom = Math.max(bottom, y + h);
  };
  for (const b of view.bands) take(b.x, b.y, b.width, b.height);
  for (const n of view.nodes) take(n.position.x, n.position.y, n.width, n.height);
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The viewport that fits `bounds` into the canvas of `size` inside `insets`, at no less than
 * `floor` and no more than `max`. On an axis where the chain fits it is centred; on one where
 * it does not, its start (left: the first turn; top) is put at the inset.
 */
export function firstViewport(
  bounds: Rect | null,
  size: { width: number; height: number },
  insets: Insets,
  floor = READABLE_ZOOM,
  max = MAX_FIRST_ZOOM,
): FirstViewport {
  if (!bounds || bounds.width <= 0 || bounds.height <= 0) return { x: insets.left, y: insets.top, zoom: max };
  const w = Math.max(1, size.width - insets.left - insets.right);
  const h = Math.max(1, size.height - insets.top - insets.bottom);
  const zoom = Math.max(floor, Math.min(max, w / bounds.width, h / bounds.height));
  const place = (start: number, length: number, room: number, inset: number) => {
    const drawn = length * zoom;
    return drawn <= room ? inset + (room - drawn) / 2 - start * zoom : inset - start * zoom;
  };
  return { x: place(bounds.x, bounds.width, w, insets.left), y: place(bounds.y, bounds.height, h, insets.top), zoom };
}
