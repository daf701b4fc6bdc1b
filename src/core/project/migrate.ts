import { PROJECT_VERSION } from './types.ts';

/**
 * Ordered, pure migrations: `migrations[n]` turns a version-n document into version n+1.
 * Version 1 is the first; a version-2 format adds its step here, with a before/after
 * fixture test, and bumps PROJECT_VERSION. Each step gets a fresh copy and returns the
 * document with `version` raised.
 */
export type Migration = { from: number; describe: string; up: (doc: Record<string, unknown>) => Record<string, unknown> };

export const migrations: readonly Migration[] = [
  {
    from: 1,
    describe: 'version 1 → 2: conditions, fan-out and reply variants are new; a version-1 file means the same in version 2',
    up: (doc) => ({ ...doc, version: 2 }),
  },
];

export type MigrationResult = { ok: true; doc: Record<string, unknown>; applied: string[] } | { ok: false; message: string };

export function migrate(doc: Record<string, unknown>, migrationList: readonly Migration[] = migrations, target = PROJECT_VERSION): MigrationResult {
  let current = doc;
  const applied: string[] = [];
  let version = current.version as number;
  while (version < target) {
    const step = migrationList.find((m) => m.from === version);
    if (!step) return { ok: false, message: `no migration from version ${version} to ${version + 1}` };
    current = step.up(structuredClone(current));
    if (current.version !== version + 1) return { ok: false, message: `the migration from version ${version} did not produce version ${version + 1}` };
    applied.push(step.describe);
    version += 1;
  }
  return { ok: true, doc: current, applied };
}
