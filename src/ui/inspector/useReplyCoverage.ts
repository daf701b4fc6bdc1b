import { useEffect, useState } from 'react';
import type { ReplyCoverage } from '../../core/generation.ts';
import { useAppStoreApi, selectDiagnostics, useAppStore } from '../../state/store.ts';
import type { CoverageRequest, CoverageResponse } from '../../workers/coverageProtocol.ts';

/** Examples the coverage is counted over. */
export const COVERAGE_EXAMPLES = 200;
/** Waits this long after the last change before counting again. */
const SETTLE_MS = 250;

type Listener = (response: CoverageResponse) => void;
let worker: Worker | null = null;
const listeners = new Map<number, Listener>();
let nextId = 1;

/** The coverage worker (one for the page, made on first use); null where there are no workers (unit tests). */
function coverageWorker(): Worker | null {
  if (worker || typeof Worker === 'undefined') return worker;
  worker = new Worker(new URL('../../workers/coverage.worker.ts', import.meta.url), { type: 'module', name: 'chainwright-coverage' });
  worker.onmessage = (event: MessageEvent<CoverageResponse>) => {
    const listener = listeners.get(event.data.id);
    listeners.delete(event.data.id);
    listener?.(event.data);
  };
  return worker;
}

export interface CoverageState {
  coverage: ReplyCoverage | null;
  /** Counting again after a change (the figures shown are the last ones). */
  pending: boolean;
  seed: number;
  from: number;
  problem: string | null;
}

/**
 * The share of each reply variant of the current chain over the current seed's next 200
 * examples (from the previewed one), counted in a worker a moment after the design, the seed
 * or the example changes (not when a node is only moved).
 */
export function useReplyCoverage(): CoverageState {
  const store = useAppStoreApi();
  const diagnostics = useAppStore(selectDiagnostics);
  const chainId = useAppStore((s) => s.chainId);
  const seed = useAppStore((s) => s.seed);
  const from = useAppStore((s) => s.exampleIndex);
  const [state, setState] = useState<CoverageState>({ coverage: null, pending: true, seed, from, problem: null });

  useEffect(() => {
    if (chainId === null) return;
    let cancelled = false;
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const timer = setTimeout(() => {
      const project = store.getState().project;
      const done = (response: CoverageResponse) => {
        if (cancelled) return;
        setState(
          response.ok
            ? { coverage: response.coverage, pending: false, seed, from, problem: null }
            : { coverage: null, pending: false, seed, from, problem: response.message },
        );
      };
      const w = coverageWorker();
      if (!w) {
        // No workers (unit tests): counted here, with the generation side of the core loaded on demand.
        void import('../../core/generation.ts')
          .then((core) => done({ id: 0, ok: true, coverage: core.replyCoverage(project, chainId, seed, from, COVERAGE_EXAMPLES) }))
          .catch((e: unknown) => done({ id: 0, ok: false, message: e instanceof Error ? e.message : String(e) }));
        return;
      }
      const id = nextId++;
      listeners.set(id, done);
      const request: CoverageRequest = { id, project, chainId, seed, from, count: COVERAGE_EXAMPLES };
      w.postMessage(request);
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [store, diagnostics, chainId, seed, from]);

  return state;
}

/** A share as the inspector writes it: "18 %" (whole percents; "< 1 %" for a few in 200). */
export function percentText(n: number, of: number): string {
  if (of === 0) return '—';
  const p = (n / of) * 100;
  if (n > 0 && p < 1) return '< 1 %';
  return `${Math.round(p)} %`;
}
