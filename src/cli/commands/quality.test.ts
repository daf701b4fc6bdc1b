import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { cli, scratchDir } from '../testing.testutil.ts';

describe('chainwright quality', () => {
  it('measures N examples of a design: strings, numbers, coherence, replies, grounding, goals; exit 0', () => {
    const file = 'public/examples/trip-planning.chain.json';
    const r = cli('quality', file, '--count', '40', '--seed', '3');
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(new RegExp(`^${file}: 40 examples \\(seed 3; \\d+ chains: `));
    expect(r.stdout).toMatch(/^strings in results: \d+; fell back to generic words: 0 \(0\.00 %; goal < 2 %\); Latin words anywhere: 0$/m);
    expect(r.stdout).toMatch(
      /^numbers: mean coverage of declared ranges \d+ % over \d+ fields; outside their bounds: 0; off their multipleOf: 0; with float noise: 0$/m,
    );
    expect(r.stdout).toMatch(/^coherence: 0 violations$/m);
    expect(r.stdout).toMatch(/^replies that contradict a result: 0$/m);
    expect(r.stdout).toMatch(/^grounding: 0 findings$/m);
    expect(r.stdout).toMatch(/^goals: no Latin ok; generic strings < 2 % ok; coherent ok; no contradictions ok$/m);
  });

  it('--chain picks chains, --json gives the report, --strict exits 1 when a goal is missed', () => {
    const file = 'src/core/quality/fixtures/imported-openai.chain.json';
    const r = cli('quality', file, '--count', '12', '--chain', 'deploy-and-watch', '--json');
    expect(r.code).toBe(EXIT_OK);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ file, examples: 12, chains: ['deploy-and-watch'] });
    expect(report.goals).toHaveProperty('met');
    expect(cli('quality', file, '--count', '12', '--chain', 'rates', '--strict').code).toBe(EXIT_OK);
    // A field nothing can place: every value falls back to generic words, a goal missed.
    const project = JSON.parse(readFileSync(file, 'utf8'));
    const rate = project.tools.find((t: { function: { name: string } }) => t.function.name === 'get_exchange_rate');
    rate.returns.properties.frobnicator = { type: 'string' };
    rate.returns.required.push('frobnicator');
    const worse = join(scratchDir('quality'), 'worse.chain.json');
    writeFileSync(worse, JSON.stringify(project));
    const strict = cli('quality', worse, '--count', '12', '--chain', 'rates', '--strict');
    expect(strict.code).toBe(EXIT_INVALID);
    expect(strict.stdout).toMatch(/generic strings < 2 % NOT met/);
  });

  it('exit 2 on usage, 1 on a file that cannot be read', () => {
    expect(cli('quality').code).toBe(EXIT_USAGE);
    expect(cli('quality', 'public/examples/trip-planning.chain.json', '--count', '0').code).toBe(EXIT_USAGE);
    expect(cli('quality', 'public/examples/trip-planning.chain.json', '--chain', 'nope').code).toBe(EXIT_USAGE);
    const missing = cli('quality', 'no/such/file.chain.json');
    expect(missing.code).toBe(EXIT_INVALID);
    expect(missing.stderr).toMatch(/cannot read the file/);
  });
});
