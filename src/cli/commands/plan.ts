import { parseArgs } from 'node:util';
import { compiledChain, validateProject } from '../../core/index.ts';
import { EXIT_INVALID, EXIT_OK, loadProject, oneFile, pickChains, printFindings, type Io } from '../shared.ts';

/** `plan FILE [--chain ID] [--json]`: the turns, the waits and why, the critical path, latency. */
export function planCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { chain: { type: 'string' }, json: { type: 'boolean' } } });
  const file = oneFile(positionals);
  const loaded = loadProject(file, io);
  if (!loaded) return EXIT_INVALID;
  const { project } = loaded;
  const chains = pickChains(project, values.chain ? [values.chain] : undefined);
  const diagnostics = validateProject(project).filter((d) => d.severity === 'error');
  if (diagnostics.length) {
    printFindings(file, diagnostics, io.stderr, loaded.text);
    return EXIT_INVALID;
  }
  const reports = [];
  for (const chain of chains) {
    const compiled = compiledChain(project, chain)!;
    const planned = compiled.planned;
    if (!planned.ok || !compiled.explanation) {
      io.stderr(`${file}: chain "${chain.id}": a dependency cycle\n`);
      return EXIT_INVALID;
    }
    reports.push({ chain, plan: planned.plan, explanation: compiled.explanation });
  }
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        reports.map(({ chain, plan, explanation }) => ({ chainId: chain.id, name: chain.name, plan, explanation })),
        null,
        2,
      )}\n`,
    );
    return EXIT_OK;
  }
  const text = reports
    .map(({ chain, plan, explanation }) => {
      const out: string[] = [];
      const calls = chain.calls.length;
      out.push(
        `Chain ${chain.id}${chain.name ? ` (${chain.name})` : ''}: ${calls} call${calls === 1 ? '' : 's'} in ${plan.turns.length} turn${plan.turns.length === 1 ? '' : 's'}${plan.multiTurn ? ', one user request per call' : ''}`,
      );
      const width = Math.max(0, ...chain.calls.map((c) => c.id.length));
      for (const turn of explanation.turns) {
        out.push('', turn.title);
        if (turn.mayVanish) out.push('  (in an example where it makes no call, the turn is left out and the later turns move up)');
        for (const call of turn.calls) {
          out.push(`  ${call.callId.padEnd(width)}  ${call.tool}`);
          const pad = ' '.repeat(width + 4);
          if (call.variation) out.push(`${pad}${call.variation}`);
          if (call.waits.length === 0) out.push(`${pad}starts at once: needs no other call's result`);
          for (const w of call.waits) out.push(`${pad}${w}`);
          if (call.parallelNote) out.push(`${pad}${call.parallelNote}`);
        }
      }
      out.push('', `Critical path: ${explanation.criticalPath}`, `Latency: ${explanation.latency}`);
      return out.join('\n');
    })
    .join('\n\n');
  io.stdout(`${text}\n`);
  return EXIT_OK;
}
