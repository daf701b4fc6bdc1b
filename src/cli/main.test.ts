import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkOpenAILine, FORMATS } from '../core/generation.ts';
import { EXIT_CLOSED_OUTPUT, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './main.ts';
import { cli, scratchDir } from './testing.testutil.ts';

const ROOM = 'public/examples/room-booking.chain.json';

let dir: string;
beforeAll(() => {
  dir = scratchDir('cli');
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary places of a parsed file
type Doc = Record<string, any>;

function brokenFile(name: string, edit: (p: Doc) => void): string {
  const p = JSON.parse(readFileSync(ROOM, 'utf8'));
  edit(p);
  const file = join(dir, `${name}.chain.json`);
  writeFileSync(file, JSON.stringify(p, null, 2));
  return file;
}

describe('chainwright validate', () => {
  it('exits 0 on a good project', () => {
    expect(cli('validate', ROOM)).toMatchObject({ code: EXIT_OK, stdout: '' });
  });

  it('prints each diagnostic as FILE:LINE: path: severity: message [code] and exits 1', () => {
    const file = brokenFile('unknown-tool', (p) => (p.chains[0].calls[2].tool = 'book_rom'));
    const r = cli('validate', file);
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stdout).toMatch(
      new RegExp(`^${file.replace(/[.]/g, '\\.')}:\\d+: \\$\\.chains\\[0\\]\\.calls\\[2\\]\\.tool: error: .*book_rom.*\\[unknown-tool\\]$`, 'm'),
    );
  });

  it('refuses every kind of broken file with the place named', () => {
    const cases: [string, (p: Doc) => void, string][] = [
      ['format', (p) => (p.format = 'other'), '$.format'],
      ['version', (p) => (p.version = 9), '$.version'],
      ['dup-tool', (p) => p.tools.push(p.tools[0]), '$.tools[4].function.name'],
      ['dup-call', (p) => p.chains[0].calls.push(p.chains[0].calls[0]), '$.chains[0].calls[4].id'],
      ['slot', (p) => (p.chains[0].requests[0] = 'on {dat}'), '$.chains[0].requests[0]'],
      ['field', (p) => (p.chains[0].calls[2].args.room_id = '{rooms.rooms[0].id}'), '$.chains[0].calls[2].args.room_id'],
      ['required', (p) => delete p.chains[0].calls[2].args.room_id, '$.chains[0].calls[2].args.room_id'],
      ['type', (p) => (p.chains[0].calls[2].args.date = 5), '$.chains[0].calls[2].args.date'],
      ['cycle', (p) => (p.chains[0].calls[0].after = ['invite']), 'rooms → book → invite → rooms'],
      ['proto', (p) => (p.chains[0].calls[0].args = JSON.parse('{"__proto__": {"x": 1}}')), '$.chains[0].calls[0].args.__proto__'],
    ];
    for (const [name, edit, place] of cases) {
      const r = cli('validate', brokenFile(name, edit));
      expect(r.code, name).toBe(EXIT_INVALID);
      expect(r.stdout + r.stderr, name).toContain(place);
    }
    const notJson = join(dir, 'not-json.chain.json');
    writeFileSync(notJson, '{\n  "format": "chainwright-project",\n  oops\n}');
    const r = cli('validate', notJson);
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stderr).toMatch(/not valid JSON.*line 3/);
    expect(cli('validate', join(dir, 'missing.json')).stderr).toContain('cannot read the file');
  });
});

describe('chainwright plan', () => {
  it('prints the turns, what each call waits for and why, the critical path and latency', () => {
    const r = cli('plan', ROOM);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('Turn 1 · 2 calls in parallel');
    expect(r.stdout).toContain('runs together with team: neither needs the other');
    expect(r.stdout).toContain('waits for rooms: room_id comes from its result');
    expect(r.stdout).toMatch(/Critical path: rooms → book → invite \(1300 ms\)/);
    expect(r.stdout).toContain('one by one 1550 ms; as planned 1300 ms');
  });

  it('--json gives the plan as data', () => {
    const r = cli('plan', ROOM, '--json');
    const [report] = JSON.parse(r.stdout);
    expect(report.plan.turns.map((t: { callIds: string[] }) => t.callIds)).toEqual([['rooms', 'team'], ['book'], ['invite']]);
  });

  it('--chain picks a chain; an unknown one is a usage error', () => {
    expect(cli('plan', ROOM, '--chain', 'book-and-invite').code).toBe(EXIT_OK);
    expect(cli('plan', ROOM, '--chain', 'nope').code).toBe(EXIT_USAGE);
  });
});

describe('chainwright generate', () => {
  it('writes N valid, varied lines, identical for the same seed', () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const c = join(dir, 'c.jsonl');
    expect(cli('generate', ROOM, '--format', 'openai', '--count', '300', '--seed', '1', '--out', a).code).toBe(EXIT_OK);
    cli('generate', ROOM, '--format', 'openai', '--count', '300', '--seed', '1', '--out', b);
    cli('generate', ROOM, '--format', 'openai', '--count', '300', '--seed', '2', '--out', c);
    const lines = readFileSync(a, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(300);
    for (const line of lines) expect(checkOpenAILine(line)).toEqual([]);
    expect(new Set(lines).size).toBe(300);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    expect(readFileSync(c, 'utf8')).not.toBe(readFileSync(a, 'utf8'));
  });

  it('--out - writes to standard output', () => {
    const r = cli('generate', ROOM, '--count', '2', '--seed', '1', '--out', '-');
    expect(r.code).toBe(EXIT_OK);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(checkOpenAILine(line)).toEqual([]);
  });

  it('on invalid input creates no file and leaves an existing one untouched', () => {
    const broken = brokenFile('gen-broken', (p) => (p.chains[0].calls[2].tool = 'nope'));
    const fresh = join(dir, 'fresh.jsonl');
    expect(cli('generate', broken, '--count', '5', '--out', fresh).code).toBe(EXIT_INVALID);
    expect(existsSync(fresh)).toBe(false);
    const kept = join(dir, 'kept.jsonl');
    writeFileSync(kept, 'KEEP\n');
    const r = cli('generate', broken, '--count', '5', '--out', kept);
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stderr).toContain('$.chains[0].calls[2].tool');
    expect(readFileSync(kept, 'utf8')).toBe('KEEP\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('usage errors exit 2', () => {
    expect(cli().code).toBe(EXIT_USAGE);
    expect(cli('frobnicate').code).toBe(EXIT_USAGE);
    expect(cli('generate', ROOM, '--count', 'ten', '--out', '-').code).toBe(EXIT_USAGE);
    expect(cli('generate', ROOM, '--format', 'csv', '--out', '-').code).toBe(EXIT_USAGE);
    expect(cli('generate', ROOM, '--count', '1').code).toBe(EXIT_USAGE);
    expect(cli('validate').code).toBe(EXIT_USAGE);
    expect(cli('validate', ROOM, '--bogus').code).toBe(EXIT_USAGE);
  });
});

describe('--format choices come from the format registry', () => {
  it('help lists every registered format with its label, in registry order', () => {
    const help = cli('--help').stdout;
    const listed = [...help.slice(help.indexOf('Formats (')).matchAll(/^ {2}([a-z0-9-]+) +(.+)$/gm)].map((m) => [m[1], m[2]]);
    expect(listed.map(([id]) => id)).toEqual(FORMATS.map((f) => f.id));
    for (const [id, text] of listed) expect(text.startsWith(FORMATS.find((f) => f.id === id)!.label)).toBe(true);
    expect(listed.find(([id]) => id === 'distil')![1]).toContain('--out is a folder');
  });

  it('an unknown --format names the registered ones, in generate and check', () => {
    for (const argv of [
      ['generate', ROOM, '--format', 'csv', '--count', '1', '--out', '-'],
      ['check', ROOM, '--format', 'csv'],
    ]) {
      const { code, stderr } = cli(...argv);
      expect(code).toBe(EXIT_USAGE);
      expect(stderr).toContain(`unknown --format "csv" (formats: ${FORMATS.map((f) => f.id).join(', ')})`);
    }
  });

  it('generate and check take every registered line format, hermes-conversations included', () => {
    const out = join(dir, 'hermes-conversations.jsonl');
    expect(cli('generate', ROOM, '--format', 'hermes-conversations', '--count', '5', '--seed', '2', '--out', out).code).toBe(EXIT_OK);
    expect(JSON.parse(readFileSync(out, 'utf8').split('\n')[0]).conversations[0].from).toBe('system');
    expect(cli('check', out, '--format', 'hermes-conversations')).toMatchObject({ code: EXIT_OK, stdout: '' });
    expect(cli('check', out).code).toBe(EXIT_OK);
  });
});

describe('the chainwright bin', () => {
  it('runs as a program with the documented exit codes', () => {
    const out = execFileSync('node', ['bin/chainwright.js', 'generate', ROOM, '--count', '3', '--seed', '4', '--out', '-'], { encoding: 'utf8' });
    expect(out.trimEnd().split('\n')).toHaveLength(3);
    expect(spawnSync('node', ['bin/chainwright.js', 'nope'], { encoding: 'utf8' }).status).toBe(EXIT_USAGE);
  }, 60_000); // two Node start-ups that transpile the CLI with tsx: seconds on a loaded machine
});

describe('standard output closed by its reader (| head)', () => {
  /** Runs the bin, reads its first output and closes the pipe; resolves with the exit code, stderr and what was read. */
  function readFirstAndClose(args: string[]): Promise<{ code: number | null; stderr: string; read: number }> {
    return new Promise((resolve, reject) => {
      const child = spawn('node', ['bin/chainwright.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let read = 0;
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', (d: Buffer) => {
        read = d.length;
        child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr, read }));
    });
  }

  it('generate --out - stops at once and quietly, with exit 141, and does not report a whole file', async () => {
    const r = await readFirstAndClose(['generate', ROOM, '--count', '1000000', '--seed', '1', '--out', '-']);
    expect(r.read).toBeGreaterThan(0);
    expect(r.code).toBe(EXIT_CLOSED_OUTPUT);
    expect(r.stderr).toBe('');
  }, 60_000);

  it('check stops quietly too (exit 141, not 0 or 1: it did not finish)', async () => {
    const file = join(dir, 'many-bad.jsonl');
    writeFileSync(file, '{"conversations": []}\n'.repeat(200_000));
    const r = await readFirstAndClose(['check', file, '--format', 'openai']);
    expect(r.code).toBe(EXIT_CLOSED_OUTPUT);
    expect(r.stderr).toBe('');
  }, 60_000);
});
