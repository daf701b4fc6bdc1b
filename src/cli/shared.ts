import { readFileSync } from 'node:fs';
import { formatFinding, parseProject, type Chain, type Finding, type Project } from '../core/index.ts';
import { lineOf, locateJsonPaths } from '../core/index.ts';

/** Exit codes: 0 ok, 1 invalid input (diagnostics on stderr), 2 usage. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
/** Standard output was closed by its reader (`| head`): stopped at once, quietly, as a tool killed by SIGPIPE exits (128 + 13). */
export const EXIT_CLOSED_OUTPUT = 141;

/** The error of a write to an output whose reader has gone away. */
export function isClosedOutput(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

export interface Io {
  stdout: (text: string) => void;
  /** The file descriptor behind `stdout`, when there is one: large outputs are encoded and written to it directly. */
  stdoutFd?: number;
  stderr: (text: string) => void;
  /** Standard error is a terminal (progress may be drawn there). */
  stderrIsTTY?: boolean;
}

/** A mistake in how the command was called: exit 2 with the usage text. */
export class UsageError extends Error {}

export function oneFile(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one FILE, got ${positionals.length}` : 'missing FILE');
  return positionals[0];
}

export interface Loaded {
  file: string;
  text: string;
  project: Project;
}

/** Reads a text file; on failure says why on stderr and returns null. */
export function readTextFile(file: string, io: Io): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr(`${file}: cannot read the file: ${(e as Error).message}\n`);
    return null;
  }
}

/** Reads and parses a project; on failure prints the diagnostics and returns null. */
export function loadProject(file: string, io: Io): Loaded | null {
  const text = readTextFile(file, io);
  if (text === null) return null;
  const parsed = parseProject(text);
  if (!parsed.ok) {
    printFindings(file, parsed.diagnostics, io.stderr);
    return null;
  }
  // Repairs of what only changes the look (a broken position), each a warning.
  printFindings(file, parsed.diagnostics, io.stderr);
  return { file, text, project: parsed.project };
}

/**
 * Each finding as `FILE:LINE: path: severity: message — fix [code]` (`formatFinding`: the same
 * line for every kind of finding), one per line; a finding without a line gets the line of its
 * path in `text` when that is given.
 */
export function printFindings(file: string, findings: readonly Finding[], write: (t: string) => void, text?: string): void {
  const lines = text !== undefined && findings.some((f) => f.line === undefined) ? locateJsonPaths(text) : undefined;
  for (const f of findings) write(`${formatFinding(f, file, f.line ?? (lines ? lineOf(lines, f.path) : undefined))}\n`);
}

export function pickChains(project: Project, ids: string[] | undefined): Chain[] {
  if (!ids || ids.length === 0) return project.chains;
  return ids.map((id) => {
    const chain = project.chains.find((c) => c.id === id);
    if (!chain) throw new UsageError(`no chain "${id}" (chains: ${project.chains.map((c) => c.id).join(', ') || 'none'})`);
    return chain;
  });
}

export function wholeNumber(name: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`${name} takes a whole number${min ? ` from ${min}` : ''}, got "${text}"`);
  return Number(text);
}

/**
 * The arguments with a negative number after one of `options` joined to it (`--count -1` →
 * `--count=-1`): parseArgs takes "-1" for an option and stops with its "argument is ambiguous"
 * message; joined, the option's own check says what it takes.
 */
export function joinNegativeNumbers(args: string[], options: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--') return [...joined, ...args.slice(i)];
    if (options.includes(args[i]) && /^-[\d.]/.test(args[i + 1] ?? '')) {
      joined.push(`${args[i]}=${args[i + 1]}`);
      i += 1;
    } else joined.push(args[i]);
  }
  return joined;
}
