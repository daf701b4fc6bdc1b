import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtomicFileWriter, openOutput, outputTarget, type WritableTarget } from './io.ts';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'cw-io-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('AtomicFileWriter', () => {
  it('writes lines as UTF-8, in order, across buffer flushes and with lines larger than its buffer', () => {
    const path = join(scratch(), 'out.jsonl');
    const lines = [
      '{"reply":"9 to 17 °C"}',
      'Zoë → 東京 😀 and a lone surrogate \ud800 is replaced',
      'x'.repeat(3_000_000), // larger than the 1 MiB buffer
      ...Array.from({ length: 5000 }, (_, i) => `{"i":${i},"name":"Ångström ${'é'.repeat(i % 300)}"}`),
    ];
    const w = new AtomicFileWriter(path);
    w.write('header\n');
    for (const line of lines) w.writeLine(line);
    expect(existsSync(path)).toBe(false); // nothing at the target before commit
    w.commit();
    const expected = `header\n${lines.map((l) => `${l}\n`).join('')}`;
    expect(readFileSync(path, 'utf8')).toBe(expected.replace('\ud800', '\ufffd'));
    expect(w.written).toBe(Buffer.byteLength(expected));
  });

  it('writes text + tail for each line, encoding a repeated tail once and following a new one', () => {
    const path = join(scratch(), 'tails.jsonl');
    const w = new AtomicFileWriter(path);
    const tools = `,"tools":[${'{"name":"ü"},'.repeat(50)}{}]}`;
    const big = `,"t":"${'z'.repeat(1_200_000)}"}`; // a tail larger than the buffer
    const expected: string[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const tail = i === 1500 ? big : i > 2000 ? '}' : tools;
      w.writeLine(`{"i":${i},"r":"9 °C"`, tail);
      expected.push(`{"i":${i},"r":"9 °C"${tail}\n`);
    }
    w.commit();
    expect(readFileSync(path, 'utf8')).toBe(expected.join(''));
  });

  it('abort leaves an existing file untouched and removes the temporary one', () => {
    const dir = scratch();
    const path = join(dir, 'kept.jsonl');
    writeFileSync(path, 'old\n');
    const w = new AtomicFileWriter(path);
    for (let i = 0; i < 1000; i += 1) w.writeLine('n'.repeat(2000));
    w.abort();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(existsSync(join(dir, `.kept.jsonl.${process.pid}.tmp`))).toBe(false);
  });
});

describe('outputTarget: what an --out path is, before anything is written', () => {
  /** Writes `text` through the writer for `path`'s target (as the commands do); the target for the checks. */
  function writeTo(path: string, text: string): WritableTarget {
    const target = outputTarget(path);
    if (target.kind === 'refused' || target.kind === 'folder') throw new Error(`refused: ${JSON.stringify(target)}`);
    const w = openOutput(target);
    w.write(text);
    w.commit();
    return target;
  }

  it('a new path in an existing folder: written atomically there', () => {
    const dir = scratch();
    const path = join(dir, 'new.jsonl');
    expect(writeTo(path, 'a\n')).toEqual({ kind: 'new', path: join(realpathSync(dir), 'new.jsonl') });
    expect(readFileSync(path, 'utf8')).toBe('a\n');
    expect(readdirSync(dir)).toEqual(['new.jsonl']);
  });

  it('a regular file: replaced atomically (a new file renamed over it)', () => {
    const dir = scratch();
    const path = join(dir, 'old.jsonl');
    writeFileSync(path, 'old old old\n');
    const before = statSync(path).ino;
    expect(writeTo(path, 'new\n').kind).toBe('file');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['old.jsonl']);
  });

  it('a symbolic link: the link stays a link and its target gets the content, replaced atomically beside it', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'real'));
    const real = join(dir, 'real', 'data.jsonl');
    writeFileSync(real, 'old\n');
    const link = join(dir, 'link.jsonl');
    symlinkSync('real/data.jsonl', link);
    expect(writeTo(link, 'new\n')).toEqual({ kind: 'file', path: realpathSync(real) });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(readdirSync(join(dir, 'real'))).toEqual(['data.jsonl']);
  });

  it('a chain of symbolic links (relative and absolute, through a linked folder): every link stays, the last target gets the content', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'a'));
    const real = join(dir, 'a', 'data.jsonl');
    writeFileSync(real, 'old\n');
    symlinkSync('a', join(dir, 'folder-link'));
    symlinkSync(join(dir, 'folder-link', 'data.jsonl'), join(dir, 'one'));
    symlinkSync('one', join(dir, 'two'));
    symlinkSync('../two', join(dir, 'a', 'three'));
    expect(writeTo(join(dir, 'a', 'three'), 'new\n')).toEqual({ kind: 'file', path: realpathSync(real) });
    for (const link of ['one', 'two', 'a/three', 'folder-link']) expect(lstatSync(join(dir, link)).isSymbolicLink(), link).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
  });

  it('a dangling link: the file is made where it points; a loop of links is refused', () => {
    const dir = scratch();
    symlinkSync('made.jsonl', join(dir, 'dangling'));
    expect(writeTo(join(dir, 'dangling'), 'x\n').kind).toBe('new');
    expect(readFileSync(join(dir, 'made.jsonl'), 'utf8')).toBe('x\n');
    expect(lstatSync(join(dir, 'dangling')).isSymbolicLink()).toBe(true);
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    expect(outputTarget(join(dir, 'loop-a'))).toEqual({ kind: 'refused', message: 'more than 40 symbolic links to follow (a loop?)' });
  });

  it('a folder is refused where a file is wanted, and is the target where a folder is', () => {
    const dir = scratch();
    expect(outputTarget(dir)).toEqual({ kind: 'refused', message: 'is a folder, expected a file' });
    expect(outputTarget(dir, 'folder')).toEqual({ kind: 'folder', path: dir });
    writeFileSync(join(dir, 'f'), '');
    expect(outputTarget(join(dir, 'f'), 'folder')).toEqual({ kind: 'refused', message: 'is a file, expected a folder' });
  });

  it('a new path whose folder does not exist, or whose "folder" is a file, is refused', () => {
    const dir = scratch();
    expect(outputTarget(join(dir, 'no', 'such', 'x.jsonl'))).toEqual({ kind: 'refused', message: `the folder ${join(dir, 'no', 'such')} does not exist` });
    writeFileSync(join(dir, 'file'), '');
    expect(outputTarget(join(dir, 'file', 'x.jsonl'))).toEqual({ kind: 'refused', message: `${join(dir, 'file')} is not a folder` });
    expect(outputTarget(join(dir, 'file', 'a', 'x.jsonl'))).toEqual({ kind: 'refused', message: `${join(dir, 'file')} is not a folder` });
    expect(outputTarget(join(dir, 'no', 'such'), 'folder')).toEqual({ kind: 'new', path: join(dir, 'no', 'such') }); // a folder is made with its parents
  });

  it.runIf(process.platform !== 'win32')(
    'a FIFO is a stream: written as it is, not replaced (read here through a read-write descriptor, so nothing waits)',
    () => {
      const dir = scratch();
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      const reader = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
      try {
        expect(writeTo(fifo, 'through the fifo\n')).toEqual({ kind: 'stream', path: fifo, append: false });
        const buf = Buffer.alloc(100);
        expect(buf.toString('utf8', 0, readSync(reader, buf))).toBe('through the fifo\n');
      } finally {
        closeSync(reader);
      }
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(dir)).toEqual(['fifo']);
    },
  );

  it.runIf(existsSync('/dev/null'))('/dev/null is a stream (a character device): never replaced', () => {
    const before = lstatSync('/dev/null');
    expect(writeTo('/dev/null', 'nothing\n')).toEqual({ kind: 'stream', path: '/dev/null', append: false });
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync('/dev/null').rdev).toBe(before.rdev);
  });

  it.runIf(existsSync('/proc/self/fd'))(
    '/proc/self/fd/N and /dev/fd/N of a file opened here: appended to through the descriptor, the file not replaced',
    () => {
      const path = join(scratch(), 'opened.txt');
      const fd = openSync(path, 'w');
      try {
        writeSync(fd, 'before\n');
        const ino = statSync(path).ino;
        expect(writeTo(`/proc/self/fd/${fd}`, 'one\n')).toEqual({ kind: 'stream', path: `/proc/self/fd/${fd}`, append: true });
        expect(writeTo(`/dev/fd/${fd}`, 'two\n').kind).toBe('stream');
        expect(readFileSync(path, 'utf8')).toBe('before\none\ntwo\n');
        expect(statSync(path).ino).toBe(ino);
      } finally {
        closeSync(fd);
      }
    },
  );

  it.runIf(existsSync('/proc/self/fd/0'))('/dev/stdout is followed to /proc/self/fd/1 and is a stream, whatever standard output is', () => {
    const target = outputTarget('/dev/stdout');
    expect(target.kind).toBe('stream');
    expect(target.kind === 'stream' && target.path).toBe('/proc/self/fd/1');
  });
});
