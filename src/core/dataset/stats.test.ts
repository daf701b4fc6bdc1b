import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { datasetStats, exampleTexts, exampleTokens } from './stats.ts';
import { prepareDataset } from './stream.ts';
import { loadTokenCounter } from './tokenizer.ts';

const made = prepareDataset({ project: loadExample('trip-planning'), format: 'openai', seed: 5, selection: { kind: 'mix', total: 40 } });
if (!made.ok) throw new Error('trip-planning does not prepare');
const { run } = made;

describe('dataset stats', () => {
  it('count the tokens of what the model reads and writes with the counter they are given', () => {
    const sample = run.sample(10);
    const byChars = (text: string) => text.length;
    const stats = datasetStats(run, byChars, sample);
    const perExample = sample.map((e) => exampleTexts(e).reduce((n, t) => n + t.length, 0));
    expect(stats.tokens.sampled).toBe(10);
    expect(stats.tokens.perExample.min).toBe(Math.min(...perExample));
    expect(stats.tokens.perExample.max).toBe(Math.max(...perExample));
    expect(stats.tokens.toolDefinitionTokens).toBe(JSON.stringify(run.tools).length);
    expect(stats.examples).toBe(40);
  });

  it('load the o200k_base tokenizer once, on demand', async () => {
    const first = loadTokenCounter();
    expect(loadTokenCounter()).toBe(first);
    const count = await first;
    expect(count('hello world')).toBe(2);
    const example = run.sample(1)[0];
    const tokens = exampleTokens(example, count);
    const chars = exampleTexts(example).join('').length;
    expect(tokens).toBeGreaterThan(chars / 8);
    expect(tokens).toBeLessThan(chars);
  });
});
