/** Test helpers for the command line: run a command in-process and capture what it prints. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './main.ts';

export function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  if (typeof code !== 'number') throw new Error(`chainwright ${argv.join(' ')} ran in worker threads: use cliAsync`);
  return { code, stdout, stderr };
}

/** As cli, for a run that may work in worker threads (`generate --jobs N`, `--tokens`). */
export async function cliAsync(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A fresh temporary folder for a test file's outputs. */
export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `chainwright-${name}-`));
}
