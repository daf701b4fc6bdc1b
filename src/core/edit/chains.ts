import type { Chain, Project } from '../project/types.ts';
import { findChain, noChain, replaceChain } from './access.ts';
import { uniqueName } from './calls.ts';
import { NEW_CHAIN_REQUEST } from './newProject.ts';
import { edited, ID_PATTERN, refused, type EditResult } from './types.ts';

function chainIdProblem(project: Project, id: string, except?: string): string | null {
  if (!ID_PATTERN.test(id)) return `"${id}" is not a valid chain id: use letters, digits, "_" and "-", starting with a letter or "_"`;
  if (id !== except && project.chains.some((c) => c.id === id)) return `there is already a chain "${id}"`;
  return null;
}

/** Adds an empty chain (`chain`, `chain_2`, … unless `id` is given) with one placeholder request. */
export function addChain(project: Project, options: { id?: string; name?: string } = {}): EditResult<{ chainId: string }> {
  const id = options.id ?? uniqueName('chain', new Set(project.chains.map((c) => c.id)));
  const problem = chainIdProblem(project, id);
  if (problem) return refused(problem);
  const chain: Chain = { id, requests: [NEW_CHAIN_REQUEST], calls: [] };
  if (options.name) chain.name = options.name;
  return edited({ ...project, chains: [...project.chains, chain] }, [], { chainId: id });
}

/** Changes a chain's id (pattern, unique) and/or name (an empty name removes it). */
export function renameChain(project: Project, chainId: string, change: { id?: string; name?: string }): EditResult<{ chainId: string }> {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const id = change.id ?? chainId;
  const problem = chainIdProblem(project, id, chainId);
  if (problem) return refused(problem);
  const next: Chain = { ...chain, id };
  if (change.name !== undefined) {
    if (change.name.trim()) next.name = change.name;
    else delete next.name;
  }
  return edited(replaceChain(project, chainId, next), [], { chainId: id });
}

export function deleteChain(project: Project, chainId: string): EditResult {
  if (!findChain(project, chainId)) return refused(noChain(chainId));
  return edited({ ...project, chains: project.chains.filter((c) => c.id !== chainId) });
}

function setTemplates(project: Project, chainId: string, change: (chain: Chain) => Chain): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  return edited(replaceChain(project, chainId, change(chain)));
}

/** The chain's request templates; undefined or [] removes them. */
export function setRequests(project: Project, chainId: string, requests: readonly string[] | undefined): EditResult {
  return setTemplates(project, chainId, (chain) => {
    const next = { ...chain };
    if (requests && requests.length) next.requests = [...requests];
    else delete next.requests;
    return next;
  });
}

/** The reply template; undefined removes it (the summary reply is used). */
export function setReply(project: Project, chainId: string, reply: string | undefined): EditResult {
  return setTemplates(project, chainId, (chain) => {
    const next = { ...chain };
    if (reply !== undefined) next.reply = reply;
    else delete next.reply;
    return next;
  });
}
