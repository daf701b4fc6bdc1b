import { describe, expect, it } from 'vitest';
import type { Project } from '../../../core/index.ts';
import { applyToolMerge, emptyProject, importTools } from '../../../core/index.ts';
import { defaultDecisions, importPreview, importedCount, importedWithoutReturns } from './importPlan.ts';

const mcp = JSON.stringify({
  tools: [
    {
      name: 'get_weather',
      description: 'Current weather for a city.',
      inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
      annotations: { readOnlyHint: true },
    },
    {
      name: 'delete_file',
      description: 'Deletes a file.',
      inputSchema: { type: 'object', properties: { path: { type: 'string' } } },
      outputSchema: { type: 'object', properties: { ok: { type: 'boolean' } } },
      annotations: { readOnlyHint: false, destructiveHint: true },
    },
  ],
});

const imported = () => {
  const r = importTools(mcp);
  if (!r.ok) throw new Error(r.errors[0].message);
  return r;
};

describe('importPreview', () => {
  it('lists each tool with its effect and whether it has a result schema', () => {
    const preview = importPreview(emptyProject(), imported());
    expect(preview.rows.map((r) => [r.name, r.effect, r.hasReturns, r.clash])).toEqual([
      ['get_weather', 'read', false, null],
      ['delete_file', 'destructive', true, null],
    ]);
    expect(preview.rows[0].warnings.some((w) => /result schema/.test(w.message))).toBe(true);
  });

  it('offers a choice for a clash: skip when identical, keep both otherwise', () => {
    const first = imported();
    const project: Project = {
      ...emptyProject(),
      tools: [first.tools[0], { ...first.tools[1], function: { ...first.tools[1].function, description: 'Removes it.' } }],
    };
    const preview = importPreview(project, first);
    expect(preview.rows.map((r) => r.clash?.identical)).toEqual([true, false]);
    const decisions = defaultDecisions(preview);
    expect(decisions).toEqual({ get_weather: 'skip', delete_file: 'keep-both' });
    expect(importedCount(preview, decisions)).toBe(1);
    expect(importedCount(preview, { get_weather: 'replace', delete_file: 'replace' })).toBe(2);
  });
});

describe('importedWithoutReturns', () => {
  it('names the tools an import brought without a result schema, under the names they got', () => {
    const first = applyToolMerge(emptyProject(), { tools: imported().tools }, 'skip');
    expect(importedWithoutReturns(first.project, first.added)).toEqual(['get_weather']);
    // Imported again, kept beside the first: the copy is named get_weather_2.
    const again = applyToolMerge(
      first.project,
      {
        tools: imported()
          .tools.slice(0, 1)
          .map((t) => ({ ...t, function: { ...t.function, description: 'Other.' } })),
      },
      'keep-both',
    );
    expect(
      importedWithoutReturns(
        again.project,
        again.renamed.map((r) => r.to),
      ),
    ).toEqual(['get_weather_2']);
  });
});
