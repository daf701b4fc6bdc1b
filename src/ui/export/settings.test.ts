import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../../core/generation.ts';
import { loadExample } from '../../core/testing/fixtures.ts';
import { defaultSettings, specOf, type ExportSettings } from './settings.ts';

const project = loadExample('file-system');
const with_ = (patch: Partial<ExportSettings>): ExportSettings => ({ ...defaultSettings(3), ...patch });

describe('specOf', () => {
  it('turns the default fields into a mix of 1000 examples over every chain, openai, that the core prepares', () => {
    const result = specOf(project, defaultSettings(3));
    if (!result.ok) throw new Error('refused');
    expect(result.spec).toMatchObject({
      format: 'openai',
      seed: 3,
      selection: { kind: 'mix', total: 1000, chains: ['browse-and-read', 'new-folder-and-file'] },
    });
    const prepared = prepareDataset(result.spec);
    expect(prepared.ok && prepared.run.examples).toBe(1000);
  });

  it('leaves out the chains the user unticked and takes counts per chain', () => {
    const mix = specOf(project, with_({ excluded: ['browse-and-read'] }));
    expect(mix.ok && mix.spec.selection).toMatchObject({ chains: ['new-folder-and-file'] });
    const counts = specOf(project, with_({ mode: 'counts', counts: { 'browse-and-read': '7' } }));
    expect(counts.ok && counts.spec.selection).toEqual({
      kind: 'counts',
      counts: [
        { chainId: 'browse-and-read', count: 7 },
        { chainId: 'new-folder-and-file', count: 100 },
      ],
    });
  });

  it('names each field that is not a valid number, and the chains when none is picked', () => {
    const result = specOf(project, with_({ total: '12.5', seed: '-1', split: true, fraction: '1.5', excluded: ['browse-and-read', 'new-folder-and-file'] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['chains', 'fraction', 'seed', 'total']);
  });

  it('asks for a mix weight above 0', () => {
    const zero = Object.fromEntries(Object.keys(defaultSettings().mix).map((k) => [k, '0'])) as ExportSettings['mix'];
    const result = specOf(project, with_({ mix: zero }));
    expect(!result.ok && result.problems[0].message).toMatch(/at least one pattern/);
  });

  it('passes the split and the options through', () => {
    const result = specOf(
      project,
      with_({ split: true, fraction: '0.2', splitBy: 'slot', serializeParallel: true, includeSystem: false, includeTools: false, uniqueRequests: true }),
    );
    expect(result.ok && result.spec).toMatchObject({
      split: { fraction: 0.2, by: 'slot' },
      options: { serializeParallel: true, includeSystem: false, includeTools: false, uniqueRequests: true },
    });
  });
});
