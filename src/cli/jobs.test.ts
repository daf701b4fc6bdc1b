import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_OK } from './main.ts';
import { MIN_EXAMPLES_PER_JOB, jobShards, jobsFor, setWorkerEntry } from './jobs.ts';
import { cliAsync, scratchDir } from './testing.testutil.ts';

/**
 * `generate --jobs N`: the same bytes as `--jobs 1` for every kind of run. The command runs in
 * this process; its worker threads load the CLI bundle, built here from the current sources
 * (as `npm ci` builds it), so that they start in a blink and the bundle is what is tested.
 */

const TRIP = 'public/examples/trip-planning.chain.json';
const ROOM = 'public/examples/room-booking.chain.json';
const FS = 'public/examples/file-system.chain.json';
const REMINDERS = 'public/examples/task-reminders.chain.json';

let dir: string;
let bundle: string;
beforeAll(() => {
  dir = scratchDir('jobs');
  execFileSync('node', ['scripts/build-cli.mjs', join(dir, 'cli')], { stdio: 'ignore' });
  bundle = join(dir, 'cli', 'chainwright.mjs');
  setWorkerEntry(new URL(`file://${bundle}`));
}, 120_000);

const read = (path: string) => readFileSync(path, 'utf8');

/** Runs `generate` with --jobs 1 and --jobs 3; returns each file's two versions (out, and the test file when there is one). */
async function both(
  name: string,
  args: string[],
  files: (out: string) => string[] = (out) => [out],
): Promise<{ one: string[]; three: string[]; stderr: string }> {
  const outs: string[][] = [];
  let stderr = '';
  for (const jobs of ['1', '3']) {
    const out = join(dir, `${name}-${jobs}.jsonl`);
    const r = await cliAsync('generate', ...args, '--jobs', jobs, '--out', out);
    expect(r.code, r.stderr).toBe(EXIT_OK);
    if (jobs === '3') stderr = r.stderr;
    outs.push(files(out).map(read));
  }
  return { one: outs[0], three: outs[1], stderr };
}

describe('generate --jobs N', () => {
  it('cuts the run into contiguous shards whose concatenation is the shard asked for', () => {
    expect(jobShards(undefined, 3)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 },
    ]);
    expect(jobShards({ index: 2, count: 4 }, 2)).toEqual([
      { index: 3, count: 8 },
      { index: 4, count: 8 },
    ]);
    // Asked for: as asked, at most one job per example.
    expect(jobsFor(3, 2, 100)).toBe(3);
    expect(jobsFor(3, 2, 2)).toBe(2);
    expect(jobsFor(1, 8, 10 ** 6)).toBe(1);
    // Left to the command: the cores, with enough examples for each.
    expect(jobsFor(undefined, 8, 3 * MIN_EXAMPLES_PER_JOB)).toBe(3);
    expect(jobsFor(undefined, 2, 10 * MIN_EXAMPLES_PER_JOB)).toBe(2);
    expect(jobsFor(undefined, 2, MIN_EXAMPLES_PER_JOB + 1)).toBe(1);
  });

  it('writes the bytes of --jobs 1 for several option sets', async () => {
    const sets: [string, string[], ((out: string) => string[])?][] = [
      ['plain', [TRIP, '--count', '301', '--seed', '5']],
      ['mix-split', [TRIP, '--count', '257', '--seed', '7', '--mix', 'default', '--split', '0.2'], (out) => [out, out.replace(/\.jsonl$/, '.test.jsonl')]],
      ['unique', [ROOM, '--count', '200', '--seed', '3', '--unique-requests']],
      ['hermes', [TRIP, '--count', '150', '--format', 'hermes', '--serialize-parallel', '--no-system']],
      ['shard', [TRIP, '--count', '700', '--seed', '2', '--shard', '2/3']],
      ['fan-out', [REMINDERS, '--count', '180', '--seed', '4', '--format', 'anthropic']],
    ];
    for (const [name, args, files] of sets) {
      const r = await both(name, args, files);
      expect(r.stderr, name).toContain('jobs: 3 (this thread and 2 worker threads');
      r.one.forEach((text, i) => {
        expect(text.length, name).toBeGreaterThan(0);
        expect(r.three[i] === text, `${name}: file ${i + 1} differs`).toBe(true);
      });
    }
  }, 120_000);

  it('writes a distil folder, and standard output, as --jobs 1 does', async () => {
    const folders = ['1', '3'].map((j) => join(dir, `distil-${j}`));
    for (const [i, jobs] of ['1', '3'].entries()) {
      const r = await cliAsync('generate', FS, '--format', 'distil', '--count', '150', '--split', '0.2', '--jobs', jobs, '--out', folders[i]);
      expect(r.code, r.stderr).toBe(EXIT_OK);
    }
    for (const f of readdirSync(folders[0])) expect(read(join(folders[1], f)), f).toBe(read(join(folders[0], f)));

    const [one, three] = [
      await cliAsync('generate', ROOM, '--count', '130', '--jobs', '1', '--out', '-'),
      await cliAsync('generate', ROOM, '--count', '130', '--jobs', '3', '--out', '-'),
    ];
    expect(three.code).toBe(EXIT_OK);
    expect(three.stdout).toBe(one.stdout);
  }, 60_000);

  it('leaves no spool file behind', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.spool'))).toEqual([]);
  });

  it('runs at most one job per example', async () => {
    const r = await cliAsync('generate', TRIP, '--count', '2', '--jobs', '4', '--out', join(dir, 'few.jsonl'));
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toContain('jobs: 2 (this thread and 1 worker thread,');
    expect(read(join(dir, 'few.jsonl')).split('\n')).toHaveLength(3);
  });
});

describe('the bundle', () => {
  it('runs as the command line, its worker threads load it, and --jobs 2 writes the bytes of --jobs 1', () => {
    const args = ['generate', TRIP, '--count', '400', '--seed', '6', '--split', '0.1'];
    const outs = ['1', '2'].map((jobs) => {
      const out = join(dir, `bundle-${jobs}.jsonl`);
      const r = spawnSync('node', [bundle, ...args, '--jobs', jobs, '--out', out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(EXIT_OK);
      if (jobs === '2') expect(r.stderr).toContain('jobs: 2');
      return [read(out), read(out.replace(/\.jsonl$/, '.test.jsonl'))];
    });
    expect(outs[1][0] === outs[0][0]).toBe(true);
    expect(outs[1][1] === outs[0][1]).toBe(true);
  }, 60_000);

  it('stopped by Ctrl-C, leaves neither spool files nor temporary outputs, and exits 130', async () => {
    const folder = join(dir, 'interrupted');
    mkdirSync(folder);
    const child = spawn('node', [bundle, 'generate', TRIP, '--count', '1000000', '--jobs', '2', '--out', join(folder, 'big.jsonl')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Once the worker has started its spool file.
    for (let waited = 0; !readdirSync(folder).some((f) => f.endsWith('.spool')); waited += 50) {
      if (waited > 50_000) throw new Error('no spool file came');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('chainwright: stopped by SIGINT; no file was written');
    expect(readdirSync(folder)).toEqual([]);
  }, 90_000);
});
