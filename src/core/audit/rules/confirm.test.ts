import { describe, it, expect } from 'vitest';
import type { Chain } from '../../project/types.ts';
import { auditProject } from '../auditProject.ts';
import { makeProject, makeTool } from '../testing.testutil.ts';
import { unconfirmedDestructiveRule } from './confirm.ts';

const confirm = { ask: ['Delete them?'], yes: ['Yes.'], no: ['No.'] };
const tools = [makeTool('list_projects'), makeTool('delete_project', { effect: 'destructive' }), makeTool('purge_cache', { effect: 'destructive' })];

describe('unconfirmed-destructive (project view)', () => {
  it('names every call of a destructive tool without confirm, grouped by tool, pointing at the first', () => {
    const chain: Chain = {
      id: 'cleanup',
      requests: ['clean up'],
      calls: [
        { id: 'list', tool: 'list_projects', args: {} },
        { id: 'del_a', tool: 'delete_project', args: {} },
        { id: 'del_b', tool: 'delete_project', args: {}, confirm },
        { id: 'del_c', tool: 'delete_project', args: {} },
      ],
    };
    const findings = unconfirmedDestructiveRule(makeProject(tools, [chain]));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'unconfirmed-destructive',
        tool: 'delete_project',
        path: '$.chains[0].calls[1]',
        calls: [
          { chainId: 'cleanup', callId: 'del_a' },
          { chainId: 'cleanup', callId: 'del_c' },
        ],
        message: expect.stringMatching(/"del_a", "del_c" run "delete_project"/),
      }),
    ]);
  });

  it('with several chains, says the chain of each call', () => {
    const a: Chain = { id: 'a', requests: ['x'], calls: [{ id: 'd', tool: 'purge_cache', args: {} }] };
    const b: Chain = { id: 'b', requests: ['y'], calls: [{ id: 'd', tool: 'purge_cache', args: {} }] };
    const [f] = unconfirmedDestructiveRule(makeProject(tools, [a, b]));
    expect(f.message).toMatch(/"a\/d", "b\/d"/);
    expect(f.path).toBe('$.chains[0].calls[0]');
  });

  it('nothing when every destructive call asks, or no tool is destructive', () => {
    const asked: Chain = { id: 'c', requests: ['x'], calls: [{ id: 'd', tool: 'delete_project', args: {}, confirm }] };
    expect(unconfirmedDestructiveRule(makeProject(tools, [asked]))).toEqual([]);
    const plain: Chain = { id: 'c', requests: ['x'], calls: [{ id: 'l', tool: 'list_projects', args: {} }] };
    expect(unconfirmedDestructiveRule(makeProject([makeTool('list_projects')], [plain]))).toEqual([]);
  });

  it('is listed in the audit’s project findings and lowers the project grade', () => {
    const chain: Chain = { id: 'c', requests: ['x'], calls: [{ id: 'd', tool: 'delete_project', args: {} }] };
    const without = auditProject(makeProject(tools, [{ ...chain, calls: [{ ...chain.calls[0], confirm }] }]));
    const report = auditProject(makeProject(tools, [chain]));
    expect(report.project.findings.map((f) => f.code)).toContain('unconfirmed-destructive');
    expect(report.project.score).toBeLessThan(without.project.score);
  });
});
