import type { Project } from '../project/types.ts';

/**
 * What every editing operation returns: a new project (the input is never modified;
 * untouched chains, calls and tools are the same objects) with warnings, or a refusal
 * that says why. Nothing here throws on bad input.
 */
export type EditResult<Extra = unknown> = ({ ok: true; project: Project; warnings: string[] } & Extra) | { ok: false; reason: string; cycle?: string[] };

export type EditOk<Extra = unknown> = Extract<EditResult<Extra>, { ok: true }>;

export function edited<Extra extends object>(project: Project, warnings: string[] = [], extra?: Extra): EditResult<Extra> {
  return { ok: true, project, warnings, ...(extra ?? ({} as Extra)) } as EditResult<Extra>;
}

export function refused(reason: string, cycle?: string[]): { ok: false; reason: string; cycle?: string[] } {
  return cycle ? { ok: false, reason, cycle } : { ok: false, reason };
}

/** A call id, a chain id: `^[A-Za-z_][A-Za-z0-9_-]*$` (docs/project-format.md §4, §6). */
export const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A slot name: letters, digits, `_`, `$`, `-` (so that a reference can name it). */
export const SLOT_NAME_PATTERN = /^[A-Za-z0-9_$-]+$/;
