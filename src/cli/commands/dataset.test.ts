import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { cli, scratchDir } from '../testing.testutil.ts';

const TRIP = 'public/examples/trip-planning.chain.json';
const FS = 'public/examples/file-system.chain.json';

let dir: string;
beforeAll(() => {
  dir = scratchDir('dataset');
});
const at = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(at(name), 'utf8');

describe('chainwright generate: datasets', () => {
  it('--shard K/N: the N shards concatenated in order are the unsharded file, byte for byte', () => {
    const base = ['generate', TRIP, '--count', '157', '--seed', '7', '--mix', 'default', '--split', '0.2'];
    expect(cli(...base, '--out', at('whole.jsonl')).code).toBe(EXIT_OK);
    for (const n of [2, 3, 5]) {
      let train = '';
      let test = '';
      for (let k = 1; k <= n; k += 1) {
        const r = cli(...base, '--shard', `${k}/${n}`, '--out', at(`part-${n}-${k}.jsonl`));
        expect(r.code, r.stderr).toBe(EXIT_OK);
        train += read(`part-${n}-${k}.jsonl`);
        test += read(`part-${n}-${k}.test.jsonl`);
      }
      expect(train).toBe(read('whole.jsonl'));
      expect(test).toBe(read('whole.test.jsonl'));
    }
  }, 60_000);

  it('is deterministic: the same options and seed give byte-identical files', () => {
    const args = ['generate', TRIP, '--count', '120', '--seed', '11', '--mix', 'default', '--unique-requests', '--split', '0.1'];
    expect(cli(...args, '--out', at('d1.jsonl')).code).toBe(EXIT_OK);
    expect(cli(...args, '--out', at('d2.jsonl')).code).toBe(EXIT_OK);
    expect(read('d1.jsonl')).toBe(read('d2.jsonl'));
    expect(read('d1.test.jsonl')).toBe(read('d2.test.jsonl'));
    expect(cli(...args.slice(0, 5), '12', ...args.slice(6), '--out', at('d3.jsonl')).code).toBe(EXIT_OK);
    expect(read('d3.jsonl')).not.toBe(read('d1.jsonl'));
  });

  it('--split: no test request template is used in train, and the split is reported', () => {
    const r = cli(
      'generate',
      TRIP,
      '--count',
      '400',
      '--seed',
      '3',
      '--mix',
      'default',
      '--split',
      '0.25',
      '--out',
      at('s.jsonl'),
      '--out-test',
      at('held-out.jsonl'),
    );
    expect(r.code, r.stderr).toBe(EXIT_OK);
    expect(r.stderr).toMatch(/split by template: \d+ train, \d+ test/);
    const first = (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')!.content);
    const train = new Set(first(read('s.jsonl')));
    const test = first(read('held-out.jsonl'));
    expect(test.length).toBe(100);
    expect(test.filter((q) => train.has(q))).toEqual([]);
    // The held-out templates named in the report never start a train request.
    const project = JSON.parse(readFileSync(TRIP, 'utf8')) as { chains: { id: string; requests: string[] }[] };
    for (const m of r.stderr.matchAll(/ {2}(\S+): test templates ([\d, ]+) of/g)) {
      const chain = project.chains.find((c) => c.id === m[1])!;
      for (const i of m[2].split(', ').map(Number)) {
        const prefix = chain.requests[i - 1].split('{')[0];
        const others = chain.requests.filter(
          (_, j) =>
            !m[2]
              .split(', ')
              .map(Number)
              .includes(j + 1),
        );
        if (!others.some((o) => o.startsWith(prefix))) for (const q of train) expect(q.startsWith(prefix), q).toBe(false);
      }
    }
  });

  it('--mix: target vs achieved per pattern, and the patterns no chain can give', () => {
    const r = cli('generate', TRIP, '--count', '1000', '--seed', '1', '--mix', 'default', '--out', at('m.jsonl'));
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toContain(
      'single 40.0% → 40.0%, sequential-2 25.0% → 25.0%, parallel-2 15.0% → 15.0%, sequential-3plus 10.0% → 10.0%, mixed 10.0% → 10.0%',
    );
    const lines = read('m.jsonl').trimEnd().split('\n');
    const calls = lines.map((l) => (JSON.parse(l) as { messages: { tool_calls?: unknown[] }[] }).messages.reduce((n, m) => n + (m.tool_calls?.length ?? 0), 0));
    expect(calls.filter((n) => n === 1)).toHaveLength(400);
    expect(calls.filter((n) => n === 6)).toHaveLength(100);

    writeFileSync(at('mix.json'), JSON.stringify({ single: 1, mixed: 1, 'parallel-2': 2 }));
    const room = cli('generate', 'public/examples/room-booking.chain.json', '--count', '10', '--mix', at('mix.json'), '--out', at('r.jsonl'));
    expect(room.code).toBe(EXIT_OK);
    expect(room.stderr).toContain('single 25.0% → 0.0%, parallel-2 50.0% → 0.0%, mixed 25.0% → 100.0%');
    expect(room.stderr).toContain('no chain to draw from for: single, parallel-2');
    writeFileSync(at('bad-mix.json'), '{"loops": 3}');
    const bad = cli('generate', TRIP, '--count', '10', '--mix', at('bad-mix.json'), '--out', at('never.jsonl'));
    expect(bad.code).toBe(EXIT_INVALID);
    expect(bad.stderr).toContain('$.loops: "loops" is not a pattern');
    expect(existsSync(at('never.jsonl'))).toBe(false);
  });

  it('--chain ID=N gives each chain its count; options reach the lines', () => {
    const r = cli('generate', TRIP, '--chain', 'weather-only=3', '--chain', 'plan-trip=2', '--serialize-parallel', '--no-system', '--no-tools', '--out', '-');
    expect(r.code, r.stderr).toBe(EXIT_OK);
    const records = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { messages: { role: string; tool_calls?: unknown[] }[]; tools?: unknown; parallel_tool_calls: boolean });
    expect(records).toHaveLength(5);
    // No mix was asked: the patterns made, not a target the user did not choose.
    expect(r.stderr).toContain('patterns: single 60.0%, mixed 40.0%');
    expect(r.stderr).not.toContain('no chain to draw from');
    for (const rec of records) {
      expect(rec.tools).toBeUndefined();
      expect(rec.parallel_tool_calls).toBe(false);
      expect(rec.messages[0].role).toBe('user');
      expect(rec.messages.every((m) => (m.tool_calls?.length ?? 0) <= 1)).toBe(true);
    }
    expect(cli('generate', TRIP, '--chain', 'weather-only=3', '--chain', 'plan-trip', '--out', '-').code).toBe(EXIT_USAGE);
    expect(cli('generate', TRIP, '--chain', 'weather-only=3', '--count', '4', '--out', '-').code).toBe(EXIT_USAGE);
  });

  it('writes a distil bundle as a folder, and refuses a chain without per-step requests', () => {
    const folder = at('bundle');
    const r = cli('generate', FS, '--format', 'distil', '--count', '40', '--split', '0.2', '--out', folder);
    expect(r.code, r.stderr).toBe(EXIT_OK);
    expect(readdirSync(folder).sort()).toEqual(['config.yaml', 'job_description.json', 'test.jsonl', 'train.jsonl']);
    expect(cli('check', folder, '--format', 'distil').code).toBe(EXIT_OK);
    // No line twice in the bundle, and the summary says how many were left out and why.
    const written = ['train.jsonl', 'test.jsonl'].flatMap((f) => readFileSync(join(folder, f), 'utf8').split('\n').filter(Boolean));
    expect(new Set(written).size).toBe(written.length);
    expect(r.stderr).toMatch(/wrote 32 train examples to .*; \d+ lines left out that repeat an earlier one\n/);
    const left = [...r.stderr.matchAll(/(\d+) lines? left out that repeat/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(r.stderr).toContain('the design cannot give more distinct lines');
    const all = cli('generate', FS, '--format', 'distil', '--count', '40', '--split', '0.2', '--keep-repeats', '--out', at('bundle-all'));
    const allLines = ['train.jsonl', 'test.jsonl'].flatMap((f) =>
      readFileSync(join(at('bundle-all'), f), 'utf8')
        .split('\n')
        .filter(Boolean),
    );
    expect(all.stderr).not.toContain('left out');
    expect(allLines.length).toBe(written.length + left);
    // Without --format, a folder with a job_description.json is checked as a distil bundle.
    expect(cli('check', folder)).toMatchObject({ code: EXIT_OK, stdout: '' });
    expect(cli('check', dir).stderr).toContain('is a folder without a job_description.json');
    const refused = cli('generate', TRIP, '--format', 'distil', '--count', '5', '--out', at('no-bundle'));
    expect(refused.code).toBe(EXIT_INVALID);
    expect(refused.stderr).toContain('requests');
    expect(existsSync(at('no-bundle'))).toBe(false);
  });

  it('every format writes lines its own checker passes', () => {
    for (const format of ['openai', 'hf', 'sharegpt', 'hermes', 'anthropic']) {
      const r = cli('generate', TRIP, '--format', format, '--count', '25', '--mix', 'default', '--out', at(`f.${format}.jsonl`));
      expect(r.code, `${format}: ${r.stderr}`).toBe(EXIT_OK);
      expect(cli('check', at(`f.${format}.jsonl`), '--format', format).code, format).toBe(EXIT_OK);
    }
  });

  it('usage errors exit 2', () => {
    expect(cli('generate', TRIP, '--count', '5', '--shard', '3/2', '--out', '-').code).toBe(EXIT_USAGE);
    expect(cli('generate', TRIP, '--count', '5', '--split', '1.5', '--out', '-').code).toBe(EXIT_USAGE);
    expect(cli('generate', TRIP, '--count', '5', '--split', '0.1', '--out', '-').code).toBe(EXIT_USAGE);
    expect(cli('generate', TRIP, '--count', '5', '--split-by', 'slot', '--out', '-').code).toBe(EXIT_USAGE);
    expect(cli('generate', FS, '--format', 'distil', '--count', '5', '--out', '-').code).toBe(EXIT_USAGE);
    expect(cli('generate', TRIP, '--count', '5', '--keep-repeats', '--out', '-').stderr).toContain(
      '--keep-repeats applies to formats that write several lines',
    );
    expect(cli('check').code).toBe(EXIT_USAGE);
    expect(cli('check', TRIP, '--format', 'chatml').code).toBe(EXIT_USAGE);
  });
});

describe('chainwright check', () => {
  it('exits 0 on a good file and 1 on a bad line, naming FILE:LINE, the path and the rule', () => {
    expect(cli('generate', TRIP, '--count', '5', '--seed', '2', '--out', at('c.jsonl')).code).toBe(EXIT_OK);
    expect(cli('check', at('c.jsonl'), '--format', 'openai')).toMatchObject({ code: EXIT_OK, stdout: '' });
    const lines = read('c.jsonl').trimEnd().split('\n');
    lines[2] = lines[2].replace('"type":"function","function":{"name":"', '"type":"function","function":{"name":"x');
    lines[3] = '{"messages": oops';
    writeFileSync(at('bad.jsonl'), `${lines.join('\n')}\n`);
    const r = cli('check', at('bad.jsonl'), '--format', 'openai');
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${at('bad.jsonl').replace(/[.]/g, '\\.')}:3: \\$\\.messages\\[\\d+\\]\\.tool_calls\\[0\\]\\.function\\.name: error: .*\\[undeclared-tool\\]$`,
        'm',
      ),
    );
    expect(r.stdout).toMatch(/:4: \$: error: the line is not valid JSON.*\[not-json\]$/m);
    expect(r.stdout).not.toMatch(/:[125]: /);
    expect(r.stderr).toContain('5 lines checked (openai): 2 with');
  });

  it('--tools PROJECT checks lines written without tools', () => {
    expect(cli('generate', TRIP, '--count', '3', '--no-tools', '--out', at('nt.jsonl')).code).toBe(EXIT_OK);
    const broken = read('nt.jsonl').replace('"name":"get_weather_forecast"', '"name":"get_weather"');
    writeFileSync(at('nt-bad.jsonl'), broken);
    expect(cli('check', at('nt-bad.jsonl'), '--format', 'openai', '--tools', TRIP).stdout).toContain('[undeclared-tool]');
    expect(cli('check', at('nt.jsonl'), '--format', 'openai', '--tools', TRIP).code).toBe(EXIT_OK);
  });

  it('without --format, detects the format from the first line and says so', () => {
    expect(cli('generate', TRIP, '--format', 'sharegpt', '--count', '4', '--out', at('sg.jsonl')).code).toBe(EXIT_OK);
    const r = cli('check', at('sg.jsonl'));
    expect(r).toMatchObject({ code: EXIT_OK, stdout: '' });
    expect(r.stderr).toContain('checked as sharegpt (detected from the first line');
    expect(r.stderr).toContain('4 lines checked (sharegpt): all good');
  });

  it('with the wrong --format, every line fails and it names the format the lines fit', () => {
    const r = cli('check', at('sg.jsonl'), '--format', 'openai');
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(4);
    expect(r.stderr).toContain('the first line fails as openai but is a valid sharegpt line: try --format sharegpt');
    // A line that is simply broken gets no such hint.
    expect(cli('check', at('bad.jsonl'), '--format', 'openai').stderr).not.toContain('try --format');
  });

  it('skips empty lines but keeps counting them, as the page does', () => {
    const lines = read('c.jsonl').trimEnd().split('\n');
    writeFileSync(at('gaps.jsonl'), `${lines[0]}\n\n${lines[1]}\n\n{"messages": oops\n`);
    const r = cli('check', at('gaps.jsonl'), '--format', 'openai');
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stdout).toMatch(/gaps\.jsonl:5: \$: error: the line is not valid JSON/);
    expect(r.stderr).toContain('3 lines checked (openai): 1 with 1 finding');
  });
});
