import { describe, it, expect } from 'vitest';
import { makeProject, makeTool, ruleIds, runRule } from '../testing.testutil.ts';
import { effectRule } from './effect.ts';

const run = (name: string, effect?: 'read' | 'write' | 'destructive') => runRule(effectRule, makeProject([makeTool(name, effect ? { effect } : {})]));

describe('effect rules', () => {
  it('effect-undeclared: a writing name with no effect, or with "read"', () => {
    for (const name of [
      'create_user',
      'updateOrder',
      'delete-file',
      'send_email',
      'book_room',
      'cancel_booking',
      'add_member',
      'set_status',
      'post_message',
      'remove_tag',
    ]) {
      expect(ruleIds(run(name)), name).toEqual(['effect-undeclared']);
    }
    expect(run('delete_file', 'read')[0]).toMatchObject({
      path: '$.tools[0].effect',
      message: expect.stringMatching(/is declared "read"/),
      fix: expect.stringMatching(/"destructive"/),
    });
    expect(run('create_user')[0].fix).toMatch(/"effect": "write"/);
  });

  it('passes for declared writes and for reading names', () => {
    expect(run('create_user', 'write')).toEqual([]);
    expect(run('get_user')).toEqual([]);
    expect(run('order_status')).toEqual([]);
    expect(run('settings')).toEqual([]);
  });

  it('destructive-confirm: a note (no penalty) on destructive tools', () => {
    expect(run('delete_file', 'destructive')).toEqual([
      expect.objectContaining({ code: 'destructive-confirm', severity: 'info', message: expect.stringMatching(/confirm with the user first/) }),
    ]);
  });
});
