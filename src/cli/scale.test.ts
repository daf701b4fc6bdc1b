import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scratchDir } from './testing.testutil.ts';

/**
 * docs/scale.md's GNU parallel recipe, run as written there (with a smaller COUNT): 4 shards in
 * 4 processes, concatenated, against the unsharded file. `chainwright` is the bundle, built
 * here from the current sources. Needs Debian's `parallel` (GNU parallel): .ci/run installs
 * it; without it the test is skipped, and says so.
 */

/** GNU parallel, not moreutils' parallel of the same name (another syntax). */
function gnuParallel(): boolean {
  const r = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('GNU parallel');
}

const HAS_PARALLEL = gnuParallel();
if (!HAS_PARALLEL) console.warn('scale.test.ts: GNU parallel is not installed (Debian: apt-get install parallel): the docs/scale.md recipe is NOT tested');

/** The shell block of docs/scale.md that follows the marker naming this test. */
function recipe(): string {
  const doc = readFileSync('docs/scale.md', 'utf8');
  const m = /<!-- src\/cli\/scale\.test\.ts[^\n]*-->\n```sh\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error('docs/scale.md: no shell block after the src/cli/scale.test.ts marker');
  return m[1];
}

describe('docs/scale.md: GNU parallel', () => {
  let dir: string;
  let bin: string;
  beforeAll(() => {
    if (!HAS_PARALLEL) return;
    dir = scratchDir('scale');
    execFileSync('node', ['scripts/build-cli.mjs', join(dir, 'cli')], { stdio: 'ignore' });
    // `chainwright` on the PATH, as `npx chainwright` would be.
    bin = join(dir, 'bin');
    execFileSync('mkdir', [bin]);
    writeFileSync(join(bin, 'chainwright'), `#!/bin/sh\nexec node ${JSON.stringify(join(dir, 'cli', 'chainwright.mjs'))} "$@"\n`);
    chmodSync(join(bin, 'chainwright'), 0o755);
  }, 120_000);

  it.skipIf(!HAS_PARALLEL)(
    '4 shards in 4 processes, concatenated, are the unsharded file byte for byte',
    () => {
      const design = resolve('public/examples/trip-planning.chain.json');
      const script = recipe()
        .replace(/^DESIGN=\S+/m, `DESIGN=${design}`)
        .replace(/COUNT=\d+/, 'COUNT=600');
      expect(script).toContain('N=4');
      const work = join(dir, 'run');
      execFileSync('mkdir', [work]);
      const r = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(work)).toEqual(['all.jsonl']);
      // Every part said which shard it wrote.
      for (let k = 1; k <= 4; k += 1) expect(r.stderr).toContain(`(shard ${k}/4: examples`);

      const whole = join(dir, 'whole.jsonl');
      execFileSync(join(bin, 'chainwright'), ['generate', design, '--format', 'openai', '--count', '600', '--seed', '7', '--out', whole], {
        stdio: 'ignore',
        env: process.env,
      });
      expect(existsSync(whole)).toBe(true);
      const all = readFileSync(join(work, 'all.jsonl'), 'utf8');
      expect(all.split('\n')).toHaveLength(601);
      expect(all === readFileSync(whole, 'utf8')).toBe(true);
    },
    120_000,
  );
});
