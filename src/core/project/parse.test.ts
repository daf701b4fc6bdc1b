import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProject } from './parse.ts';
import { serializeProject } from './serialize.ts';
import { migrate, migrations, type Migration } from './migrate.ts';
import { PROJECT_VERSION } from './types.ts';
import { exampleTexts, miniProject } from '../testing/fixtures.ts';

/** The version-1 examples as they were shipped: the before side of the 1 → 2 migration. */
const v1Texts = import.meta.glob('../testing/v1/*.chain.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const text = (value: unknown) => JSON.stringify(value, null, 2);

describe('parseProject', () => {
  it('reads every bundled example', () => {
    for (const [name, t] of Object.entries(exampleTexts)) expect(parseProject(t).ok, name).toBe(true);
  });

  it('refuses text that is not JSON, naming the line', () => {
    const r = parseProject('{\n  "format": "chainwright-project",\n  "version": 1,,\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('not-json');
    expect(r.error.line).toBe(3);
  });

  it('repairs a broken position with a warning naming the call, its path and line, instead of refusing the file', () => {
    const doc = JSON.parse(exampleTexts['room-booking']);
    doc.chains[0].calls[1].position = { x: 10, y: null };
    const t = text(doc);
    const r = parseProject(t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.project.chains[0].calls[1].position).toBeUndefined();
    expect(r.project.chains[0].calls[0].position).toEqual(doc.chains[0].calls[0].position);
    expect(r.diagnostics).toHaveLength(1);
    const [d] = r.diagnostics;
    expect(d).toMatchObject({ severity: 'warning', code: 'position-repaired', path: '$.chains[0].calls[1].position' });
    expect(d.message).toContain(`call "${doc.chains[0].calls[1].id}"`);
    expect(t.split('\n')[d.line! - 1]).toContain('"position"');
    // What changes meaning is still refused.
    doc.chains[0].calls[1].tool = 42;
    expect(parseProject(text(doc)).ok).toBe(false);
  });

  it('refuses a document of another format', () => {
    const r = parseProject(text({ format: 'excalidraw', version: 1 }));
    expect(!r.ok && r.error).toMatchObject({ kind: 'not-a-project', path: '$.format' });
    const arr = parseProject('[1,2]');
    expect(!arr.ok && arr.error.kind).toBe('not-a-project');
  });

  it('refuses a version newer than it knows', () => {
    expect(PROJECT_VERSION).toBe(2);
    const r = parseProject(text({ ...miniProject(), version: 3 }));
    expect(!r.ok && r.error).toMatchObject({ kind: 'version-too-new', path: '$.version' });
    expect(!r.ok && r.error.message).toContain('newer');
    expect(!r.ok && r.error.message).toContain('version 3');
  });

  it('refuses __proto__, constructor and prototype keys anywhere, with their path', () => {
    const raw = text(miniProject()).replace('"name": "Mini"', '"name": "Mini", "x": {"__proto__": {"polluted": true}}');
    const r = parseProject(raw);
    expect(!r.ok && r.error).toMatchObject({ kind: 'invalid', path: '$.x.__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = miniProject() as unknown as { chains: { calls: { args: Record<string, unknown> }[] }[] };
    deep.chains[0].calls[0].args = JSON.parse('{"constructor": 1}');
    const r2 = parseProject(text(deep));
    expect(!r2.ok && r2.error.path).toBe('$.chains[0].calls[0].args.constructor');
  });

  it('names every structural problem with its JSON path and line', () => {
    const p = miniProject() as unknown as Record<string, unknown> & { tools: Record<string, unknown>[]; chains: Record<string, unknown>[] };
    p.tools[0].effect = 'dangerous';
    delete (p.chains[0].calls as Record<string, unknown>[])[1].tool;
    const r = parseProject(text(p));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('invalid');
    const paths = r.diagnostics.map((d) => d.path);
    expect(paths).toEqual(['$.tools[0].effect', '$.chains[0].calls[1].tool']);
    expect(r.diagnostics[0].message).toContain('"read", "write", "destructive"');
    expect(r.diagnostics.every((d) => typeof d.line === 'number' && d.line > 1)).toBe(true);
  });

  it('keeps unknown keys on a load and save round trip', () => {
    const p = { ...miniProject(), 'x-owner': { team: 'ml' } } as Record<string, unknown>;
    (p.tools as Record<string, unknown>[])[0]['x-note'] = 'kept';
    const r = parseProject(text(p));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = JSON.parse(serializeProject(r.project));
    expect(again['x-owner']).toEqual({ team: 'ml' });
    expect(again.tools[0]['x-note']).toBe('kept');
    expect(again).toEqual(JSON.parse(text(p)));
  });

  it('never throws on arbitrary JSON and never pollutes a prototype (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseProject(JSON.stringify(value));
        expect(typeof r.ok).toBe('boolean');
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('tools', 'chains', 'name'), (value, key) => {
        const r = parseProject(JSON.stringify({ ...miniProject(), [key]: value }));
        if (!r.ok) expect(r.error.path.startsWith('$')).toBe(true);
      }),
    );
  });
});

describe('migrations', () => {
  const v1ToV2: Migration = { from: 1, describe: 'rename chains to flows', up: (d) => ({ ...d, version: 2, flows: d.chains, chains: undefined }) };

  it('applies the steps in order from the file version to the reader version', () => {
    const before = { format: 'chainwright-project', version: 1, chains: [1] };
    const r = migrate(before, [v1ToV2], 2);
    expect(r).toEqual({ ok: true, doc: { format: 'chainwright-project', version: 2, flows: [1], chains: undefined }, applied: ['rename chains to flows'] });
    expect(before.version).toBe(1);
  });

  it('a reader that knows version 3 reads a version-1 file through both steps, in order', () => {
    const v2ToV3: Migration = { from: 2, describe: 'noop 2 → 3', up: (d) => ({ ...d, version: 3 }) };
    const r = parseProject(text({ ...miniProject(), version: 1 }), { migrations: [...migrations, v2ToV3], version: 3 });
    expect(r.ok && r.migrated).toEqual([migrations[0].describe, 'noop 2 → 3']);
    expect(r.ok && r.project.version).toBe(3);
  });

  it('the real reader reads a version-1 file as version 2 with the same content', () => {
    const v1 = { ...miniProject(), version: 1, 'x-owner': { team: 'ml' } };
    const r = parseProject(text(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migrated).toEqual([migrations[0].describe]);
    expect(r.project).toEqual({ ...v1, version: 2 });
    expect(JSON.parse(serializeProject(r.project))).toEqual({ ...v1, version: 2 });
  });

  it('reads a version-2 file as it is, with no migration', () => {
    const r = parseProject(text(miniProject()));
    expect(r.ok && r.migrated).toEqual([]);
    expect(r.ok && r.project).toEqual(miniProject());
  });

  it('reports a missing step', () => {
    expect(migrate({ version: 1 }, [], 2)).toEqual({ ok: false, message: 'no migration from version 1 to 2' });
  });
});

describe('migration 1 → 2 (before/after fixtures: src/core/testing/v1)', () => {
  const entries = Object.entries(v1Texts);

  it('has the version-1 examples to read', () => {
    expect(entries.length).toBeGreaterThanOrEqual(5);
  });

  for (const [path, before] of entries) {
    it(`${path.split('/').pop()}: parses, comes out as version 2 and otherwise unchanged`, () => {
      const doc = JSON.parse(before);
      expect(doc.version).toBe(1);
      const r = parseProject(before);
      expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
      if (!r.ok) return;
      expect(r.migrated).toEqual([migrations[0].describe]);
      expect(r.project).toEqual({ ...doc, version: 2 });
      // the step alone: pure (the input is left as it was), only the version changes
      const step = migrate(doc);
      expect(step).toEqual({ ok: true, doc: { ...doc, version: 2 }, applied: [migrations[0].describe] });
      expect(doc.version).toBe(1);
    });
  }
});
