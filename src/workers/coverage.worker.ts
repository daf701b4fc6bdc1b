/// <reference lib="webworker" />
import { replyCoverage } from '../core/generation.ts';
import type { CoverageRequest, CoverageResponse } from './coverageProtocol.ts';

/** Reply-variant coverage off the page's thread: generating 200 examples takes 100–300 ms. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CoverageRequest>) => {
  const { id, project, chainId, seed, from, count } = event.data;
  let message: CoverageResponse;
  try {
    message = { id, ok: true, coverage: replyCoverage(project, chainId, seed, from, count) };
  } catch (e) {
    message = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(message);
};
