/** Test helpers for the editing operations. */
import type { Chain, Project } from '../project/types.ts';
import type { EditResult } from './types.ts';

/** Freezes a value deeply, so that an operation that mutates its input throws in the test. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** The project of a successful edit; fails the test with the reason otherwise. */
export function ok<E>(result: EditResult<E>): Extract<EditResult<E>, { ok: true }> {
  if (!result.ok) throw new Error(`expected the edit to succeed, it was refused: ${result.reason}`);
  return result as Extract<EditResult<E>, { ok: true }>;
}

export function chainOf(project: Project, chainId: string): Chain {
  const chain = project.chains.find((c) => c.id === chainId);
  if (!chain) throw new Error(`no chain ${chainId}`);
  return chain;
}

export function callOf(project: Project, chainId: string, callId: string) {
  const call = chainOf(project, chainId).calls.find((c) => c.id === callId);
  if (!call) throw new Error(`no call ${callId}`);
  return call;
}
