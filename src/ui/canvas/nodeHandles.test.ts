import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject, graphView, FOREACH_TARGET_HANDLE, ORDER_SOURCE_HANDLE, ORDER_TARGET_HANDLE, WHEN_TARGET_HANDLE } from '../../core/index.ts';
import { callHandles } from './nodeHandles.ts';

/** The calls of every chain of an example, as the canvas gets them. */
function example(name: string) {
  const parsed = parseProject(readFileSync(new URL(`../../../public/examples/${name}.chain.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { project } = parsed;
  return project.chains.flatMap((chain) => graphView(project, chain.id)!.nodes);
}

describe('callHandles', () => {
  const nodes = ['room-booking', 'archive-cleanup', 'task-reminders', 'project-departments', 'sales-report', 'meeting-prep'].flatMap(example);

  it('gives every handle the call draws: order-only in and out, its strips, one per argument and one per result field', () => {
    for (const node of nodes) {
      const ids = callHandles(node).map((h) => `${h.type}:${h.id}`);
      const expected = [
        `target:${ORDER_TARGET_HANDLE}`,
        `source:${ORDER_SOURCE_HANDLE}`,
        ...(node.behaviour?.forEach ? [`target:${FOREACH_TARGET_HANDLE}`] : []),
        ...(node.behaviour?.when ? [`target:${WHEN_TARGET_HANDLE}`] : []),
        ...node.inputs.map((i) => `target:${i.name}`),
        ...node.outputs.map((o) => `source:${o.path}`),
      ];
      expect(ids, node.id).toEqual(expected);
    }
    expect(nodes.some((n) => n.behaviour?.forEach) && nodes.some((n) => n.behaviour?.when)).toBe(true);
  });

  it('puts targets on the left edge and sources on the right, inside the node from top to bottom, one row apart', () => {
    for (const node of nodes) {
      const handles = callHandles(node);
      for (const h of handles) {
        const centreX = h.x + h.width! / 2;
        expect(centreX, `${node.id} ${h.id}`).toBeCloseTo(h.type === 'target' ? 1 : node.width - 1);
        expect(h.y, `${node.id} ${h.id}`).toBeGreaterThan(0);
        expect(h.y + h.height!, `${node.id} ${h.id}`).toBeLessThan(node.height);
      }
      const rows = handles.filter((h) => h.type === 'target').slice(-node.inputs.length);
      rows.slice(1).forEach((h, i) => expect(h.y - rows[i].y).toBe(22));
      // Below the header and the strips, in the order drawn.
      const ys = handles.filter((h) => h.type === 'target').map((h) => h.y);
      expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    }
  });
});
