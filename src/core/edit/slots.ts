import type { Chain, Project, SlotSpec } from '../project/types.ts';
import { findChain, noChain, replaceChain } from './access.ts';
import { unreadableSlot } from './checked.ts';
import { rewriteChain, withRoot } from './rewrite.ts';
import { edited, refused, SLOT_NAME_PATTERN, type EditResult } from './types.ts';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function slotNameProblem(chain: Chain, name: string, except?: string): string | null {
  if (!SLOT_NAME_PATTERN.test(name) || FORBIDDEN.has(name)) return `"${name}" is not a valid slot name: use letters, digits, "_", "$" and "-"`;
  if (chain.calls.some((c) => c.id === name)) return `"${name}" is a call of chain "${chain.id}": a slot and a call may not share a name`;
  if (name !== except && Object.prototype.hasOwnProperty.call(chain.slots ?? {}, name)) return `there is already a slot "${name}"`;
  return null;
}

/** Adds or replaces a slot (name: letters, digits, `_`, `$`, `-`; not a call id). Refused when the spec is malformed. */
export function setSlot(project: Project, chainId: string, name: string, spec: SlotSpec): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const problem = slotNameProblem(chain, name, name);
  if (problem) return refused(problem);
  const unreadable = unreadableSlot(name, spec, `$.chains[${project.chains.indexOf(chain)}].slots`);
  if (unreadable) return refused(`the slot "${name}" is not valid: ${unreadable}`);
  return edited(replaceChain(project, chainId, { ...chain, slots: { ...(chain.slots ?? {}), [name]: spec } }));
}

/** Removes a slot; references to it stay (validation reports them as `unknown-slot`). */
export function removeSlot(project: Project, chainId: string, name: string): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  if (!Object.prototype.hasOwnProperty.call(chain.slots ?? {}, name)) return refused(`chain "${chainId}" has no slot "${name}"`);
  const slots = { ...chain.slots };
  delete slots[name];
  return edited(replaceChain(project, chainId, { ...chain, slots }));
}

/** Renames a slot and every reference to it, keeping its place among the slots. */
export function renameSlot(project: Project, chainId: string, name: string, newName: string): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  if (!Object.prototype.hasOwnProperty.call(chain.slots ?? {}, name)) return refused(`chain "${chainId}" has no slot "${name}"`);
  if (newName === name) return edited(project);
  const problem = slotNameProblem(chain, newName);
  if (problem) return refused(problem);
  const slots = Object.fromEntries(Object.entries(chain.slots!).map(([k, v]) => [k === name ? newName : k, v]));
  const next = rewriteChain({ ...chain, slots }, (ref) => (ref.root === name ? withRoot(ref, newName) : undefined));
  return edited(replaceChain(project, chainId, next));
}
