import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../core/index.ts';
import { graphView } from '../../core/edit/graphView.ts';
import type { GraphView } from '../../core/edit/graphView.ts';
import { createFlowCache, edgeClass, edgeLabel, toFlowEdges, toFlowNodes } from './flowElements.ts';
import type { Highlight } from './flowElements.ts';

function example(name: string): GraphView {
  const parsed = parseProject(readFileSync(new URL(`../../../public/examples/${name}.chain.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return graphView(parsed.project, parsed.project.chains[0].id)!;
}

const none: Highlight = { selectedCallIds: new Set(), selectedEdgeIds: new Set(), focus: null, ancestors: new Set(), descendants: new Set() };

describe('the flow elements of call behaviours', () => {
  it('name a fan-out’s "each" edge and a condition’s edge, with a class of their own', () => {
    const tasks = example('task-reminders');
    const each = toFlowEdges(tasks, none, createFlowCache()).find((e) => e.data!.edge.kind === 'each')!;
    expect(each.ariaLabel).toBe('remind runs once for each element of {tasks.tasks[*]}');
    expect(each.targetHandle).toBe('forEach-in');
    expect(edgeClass(each.data!.edge)).toMatch(/^edge-each/);

    const meeting = example('meeting-prep');
    const when = meeting.edges.find((e) => e.kind === 'condition')!;
    expect(edgeLabel(when)).toBe('prep only if: cal.events.length > 0 (reads cal)');
    expect(edgeClass(when)).toMatch(/^edge-condition/);
  });

  it('give a band that varies its plan title and a fan-out node its height with the strip', () => {
    const tasks = example('task-reminders');
    const nodes = toFlowNodes(tasks, none, createFlowCache());
    const bands = nodes.filter((n) => n.type === 'band');
    expect(bands.map((b) => b.ariaLabel)).toEqual(['Turn 1 · 1 call', 'Turn 2 · 0–6 calls, varies per example']);
    const remind = nodes.find((n) => n.id === 'remind')!;
    expect(remind.height).toBe(tasks.nodes.find((n) => n.id === 'remind')!.height);
  });
});
