import type { Project } from '../core/index.ts';
import type { ReplyCoverage } from '../core/generation.ts';

/** page → worker: the share of each reply variant over `count` examples of `seed` from `from` on. */
export interface CoverageRequest {
  id: number;
  project: Project;
  chainId: string;
  seed: number;
  from: number;
  count: number;
}

/** worker → page: the coverage (null: no variants, or the chain cannot be generated) or what went wrong. */
export type CoverageResponse = { id: number; ok: true; coverage: ReplyCoverage | null } | { id: number; ok: false; message: string };
