/** Which calls use a tool. */
import type { Project } from '../project/types.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import type { CallRef } from './types.ts';

export function callsUsing(project: Project, toolName: string): CallRef[] {
  const out: CallRef[] = [];
  project.chains.forEach((chain, c) =>
    chain.calls.forEach((call, k) => {
      if (call.tool === toolName) out.push({ chainId: chain.id, callId: call.id, path: jsonPath('$.chains', c, 'calls', k) });
    }),
  );
  return out;
}
