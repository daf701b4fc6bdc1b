import { describe, expect, it } from 'vitest';
import { FORMATS, formatContext, prepareDataset } from '../generation.ts';
import { loadExample } from '../testing/fixtures.ts';
import { detectLineFormat } from './detect.ts';

describe('detectLineFormat', () => {
  const cases = [
    { name: 'room-booking', formats: ['openai', 'hf', 'sharegpt', 'hermes', 'anthropic'] },
    { name: 'file-system', formats: FORMATS.map((f) => f.id) },
  ];
  for (const { name, formats } of cases) {
    for (const id of formats) {
      it(`recognises a ${id} line of ${name}`, () => {
        const project = loadExample(name);
        const prepared = prepareDataset({ project, format: id, seed: 3, selection: { kind: 'even', total: 4 } });
        if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
        const context = formatContext(project, { serialized: prepared.run.options.serializeParallel });
        for (const example of prepared.run.sample(4)) {
          for (const line of prepared.run.format.write(example, context)) expect(detectLineFormat(line)).toBe(id);
        }
      });
    }
  }

  it('has no answer for a line that is not a JSON object of a known shape', () => {
    expect(detectLineFormat('not json')).toBeUndefined();
    expect(detectLineFormat('[1,2]')).toBeUndefined();
    expect(detectLineFormat('{"rows": []}')).toBeUndefined();
  });
});
