import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  createReadStream,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { checkOpenAILine } from '../../core/generation.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { cli, scratchDir } from '../testing.testutil.ts';

const ROOM = 'public/examples/room-booking.chain.json';
const FS = 'public/examples/file-system.chain.json';

let dir: string;
beforeAll(() => {
  dir = scratchDir('out');
});
const at = (name: string) => join(dir, name);
const lines = (text: string) => text.trimEnd().split('\n');
/** Temporary files left in a folder (none should be, after any run). */
const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

/**
 * Runs the bin writing to a FIFO that this process reads at the same time (a stream in the
 * thread pool, so the reader runs while the command writes more than a pipe holds). Never
 * hangs: a read-write descriptor held here until the command ends lets the reader open at once
 * and end when the command does, whether or not it wrote to the FIFO; the command has a time
 * limit.
 */
function generateIntoFifo(fifo: string, args: string[]): Promise<{ code: number | null; stderr: string; read: string }> {
  return new Promise((resolve, reject) => {
    const held = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    const chunks: Buffer[] = [];
    let readerClosed = false;
    let exit: { code: number | null; stderr: string } | undefined;
    const finish = () => {
      if (readerClosed && exit) resolve({ ...exit, read: Buffer.concat(chunks).toString('utf8') });
    };
    const reader = createReadStream(fifo);
    reader.on('data', (c) => chunks.push(c as Buffer));
    reader.on('error', reject);
    reader.on('close', () => {
      readerClosed = true;
      finish();
    });
    const child = spawn('node', ['bin/chainwright.js', 'generate', ...args, '--out', fifo], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 50_000 });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(held); // the last writer gone: the reader reads what is left, then the end
      exit = { code, stderr };
      finish();
    });
  });
}

describe('chainwright generate --out: what the path names', () => {
  it('a new path: the file is made', () => {
    const r = cli('generate', ROOM, '--count', '3', '--out', at('new.jsonl'));
    expect(r.code, r.stderr).toBe(EXIT_OK);
    expect(lines(readFileSync(at('new.jsonl'), 'utf8'))).toHaveLength(3);
  });

  it('a regular file: replaced atomically (a new file renamed over it), no temporary file left', () => {
    writeFileSync(at('old.jsonl'), 'OLD\n'.repeat(1000));
    const ino = statSync(at('old.jsonl')).ino;
    expect(cli('generate', ROOM, '--count', '3', '--out', at('old.jsonl')).code).toBe(EXIT_OK);
    expect(lines(readFileSync(at('old.jsonl'), 'utf8'))).toHaveLength(3);
    expect(statSync(at('old.jsonl')).ino).not.toBe(ino);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a symbolic link stays a link; its target gets the lines', () => {
    mkdirSync(at('data'));
    writeFileSync(at('data/real.jsonl'), 'OLD\n');
    symlinkSync('data/real.jsonl', at('link.jsonl'));
    const r = cli('generate', ROOM, '--count', '2', '--out', at('link.jsonl'));
    expect(r.code, r.stderr).toBe(EXIT_OK);
    expect(r.stderr).toContain(`wrote 2 train examples to ${at('link.jsonl')}`);
    expect(lstatSync(at('link.jsonl')).isSymbolicLink()).toBe(true);
    for (const line of lines(readFileSync(at('data/real.jsonl'), 'utf8'))) expect(checkOpenAILine(line)).toEqual([]);
    expect(leftovers(at('data'))).toEqual([]);
  });

  it('a chain of symbolic links: every link stays, the last target gets the lines', () => {
    writeFileSync(at('end.jsonl'), 'OLD\n');
    symlinkSync(at('end.jsonl'), at('hop1'));
    symlinkSync('hop1', at('hop2'));
    symlinkSync('hop2', at('hop3'));
    expect(cli('generate', ROOM, '--count', '2', '--out', at('hop3')).code).toBe(EXIT_OK);
    for (const hop of ['hop1', 'hop2', 'hop3']) expect(lstatSync(at(hop)).isSymbolicLink(), hop).toBe(true);
    expect(lines(readFileSync(at('end.jsonl'), 'utf8'))).toHaveLength(2);
  });

  it.runIf(process.platform !== 'win32')(
    'a FIFO: written as a stream to a reader reading it at the same time, and still a FIFO after',
    async () => {
      const fifo = at('lines.fifo');
      execFileSync('mkfifo', [fifo]);
      const r = await generateIntoFifo(fifo, [ROOM, '--count', '200', '--seed', '3']); // ~1 MB: more than a pipe holds
      expect(r.code, r.stderr).toBe(EXIT_OK);
      expect(r.stderr).toContain(`wrote 200 train examples to ${fifo}`);
      const got = lines(r.read);
      expect(got).toHaveLength(200);
      for (const line of got.slice(0, 5)) expect(checkOpenAILine(line)).toEqual([]);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    },
    60_000,
  );

  it.runIf(existsSync('/proc/self/fd'))('/proc/self/fd/N of a pipe opened here: written through the descriptor, the pipe not replaced', () => {
    const fifo = at('pipe.fifo');
    execFileSync('mkfifo', [fifo]);
    const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK); // both ends here: no one waits
    try {
      const r = cli('generate', ROOM, '--count', '2', '--out', `/proc/self/fd/${fd}`);
      expect(r.code, r.stderr).toBe(EXIT_OK);
      const buf = Buffer.alloc(1 << 16); // the two lines fit in what a pipe holds
      const got = lines(buf.toString('utf8', 0, readSync(fd, buf)));
      expect(got).toHaveLength(2);
      for (const line of got) expect(checkOpenAILine(line)).toEqual([]);
    } finally {
      closeSync(fd);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.runIf(existsSync('/proc/self/fd'))('/proc/self/fd/N of a file opened here: appended to through the descriptor, the file not replaced', () => {
    const file = at('opened.jsonl');
    const fd = openSync(file, 'w');
    try {
      writeSync(fd, 'FIRST\n');
      const ino = statSync(file).ino;
      expect(cli('generate', ROOM, '--count', '2', '--out', `/proc/self/fd/${fd}`).code).toBe(EXIT_OK);
      const got = lines(readFileSync(file, 'utf8'));
      expect(got).toHaveLength(3);
      expect(got[0]).toBe('FIRST');
      expect(statSync(file).ino).toBe(ino);
    } finally {
      closeSync(fd);
    }
  });

  it('an existing folder: one line naming it, exit 1, before any work (the project is not even read) and nothing left behind', () => {
    const folder = at('a-folder');
    mkdirSync(folder);
    const r = cli('generate', at('no-such-project.json'), '--count', '100000000', '--out', folder);
    expect(r).toEqual({ code: EXIT_INVALID, stdout: '', stderr: `${folder}: is a folder, expected a file\n` });
    expect(readdirSync(folder)).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('--split: the test file beside --out is checked the same way, before any work', () => {
    mkdirSync(at('split.test.jsonl'));
    const r = cli('generate', ROOM, '--count', '4', '--split', '0.5', '--out', at('split.jsonl'));
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stderr).toBe(`${at('split.test.jsonl')}: is a folder, expected a file (the test set, beside --out; --out-test PATH puts it elsewhere)\n`);
    expect(existsSync(at('split.jsonl'))).toBe(false);
  });

  it('distil writes a folder: an existing file is refused there, a folder through a link is used', () => {
    writeFileSync(at('not-a-folder'), 'KEEP\n');
    const r = cli('generate', FS, '--format', 'distil', '--count', '2', '--out', at('not-a-folder'));
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stderr).toBe(`${at('not-a-folder')}: is a file, expected a folder (--format distil writes a folder)\n`);
    expect(readFileSync(at('not-a-folder'), 'utf8')).toBe('KEEP\n');
    mkdirSync(at('bundle'));
    symlinkSync('bundle', at('bundle-link'));
    expect(cli('generate', FS, '--format', 'distil', '--count', '2', '--out', at('bundle-link')).code).toBe(EXIT_OK);
    expect(lstatSync(at('bundle-link')).isSymbolicLink()).toBe(true);
    expect(readdirSync(at('bundle'))).toContain('train.jsonl');
  });

  it('a new path in a folder that does not exist: one line, exit 1, nothing made', () => {
    const r = cli('generate', ROOM, '--count', '3', '--out', at('missing/sub/x.jsonl'));
    expect(r).toEqual({ code: EXIT_INVALID, stdout: '', stderr: `${at('missing/sub/x.jsonl')}: the folder ${at('missing/sub')} does not exist\n` });
    expect(existsSync(at('missing'))).toBe(false);
  });

  it('--count -1, 0 and 1.5 are usage errors that say what --count takes (exit 2)', () => {
    for (const n of ['-1', '0', '1.5']) {
      const r = cli('generate', ROOM, '--count', n, '--out', at('count.jsonl'));
      expect(r.code, n).toBe(EXIT_USAGE);
      expect(r.stderr.split('\n')[0], n).toBe(`chainwright: --count takes a whole number from 1, got "${n}"`);
    }
    expect(cli('generate', ROOM, '--count', '1', '--seed', '-2', '--out', at('count.jsonl')).stderr).toMatch(
      /^chainwright: --seed takes a whole number, got "-2"\n/,
    );
    expect(cli('generate', ROOM, '--count', '1', '--split', '-0.1', '--out', at('count.jsonl')).stderr).toMatch(/^chainwright: --split takes the test share/);
    expect(existsSync(at('count.jsonl'))).toBe(false);
  });
});

describe('chainwright tools --out: the same rules', () => {
  it('export to a folder is refused before any work; to a link, the link stays and its target is written', () => {
    const r = cli('tools', 'export', ROOM, '--as', 'openai', '--out', dir);
    expect(r).toEqual({ code: EXIT_INVALID, stdout: '', stderr: `${dir}: is a folder, expected a file\n` });
    writeFileSync(at('tools-real.json'), '');
    symlinkSync('tools-real.json', at('tools-link.json'));
    expect(cli('tools', 'export', ROOM, '--as', 'openai', '--out', at('tools-link.json')).code).toBe(EXIT_OK);
    expect(lstatSync(at('tools-link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(at('tools-real.json'), 'utf8'))).toHaveLength(4);
  });

  it('import into a missing folder is refused before the file is read', () => {
    const r = cli('tools', 'import', at('no-such-tools.json'), '--into', ROOM, '--out', at('gone/p.json'));
    expect(r).toEqual({ code: EXIT_INVALID, stdout: '', stderr: `${at('gone/p.json')}: the folder ${at('gone')} does not exist\n` });
  });
});
