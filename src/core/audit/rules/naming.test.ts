import { describe, it, expect } from 'vitest';
import { makeProject, makeTool, ruleIds, runRule } from '../testing.testutil.ts';
import { namingConvention, namingRule, unversioned, versionedTwinRule } from './naming.ts';

const names = (...n: string[]) => makeProject(n.map((x) => makeTool(x)));

describe('naming-mixed', () => {
  it('classifies names', () => {
    expect(['get_user', 'getUser', 'GetUser', 'get-user', 'GET_USER', 'get_userName', 'ls'].map(namingConvention)).toEqual([
      'snake_case',
      'camelCase',
      'PascalCase',
      'kebab-case',
      'SCREAMING_CASE',
      'mixed',
      null,
    ]);
  });

  it('flags the names outside the main convention, at their paths', () => {
    const findings = namingRule(names('get_user', 'create_user', 'deleteUser', 'ls'));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'naming-mixed',
        path: '$.tools[2].function.name',
        tool: 'deleteUser',
        message: expect.stringMatching(/is camelCase while most tools here are snake_case/),
      }),
    ]);
    expect(ruleIds(namingRule(names('get_user', 'get_userName')))).toEqual(['naming-mixed']);
  });

  it('passes for one convention, single words included', () => {
    expect(namingRule(names('get_user', 'create_user', 'ls', 'cd'))).toEqual([]);
    expect(namingRule(names('getUser', 'createUser'))).toEqual([]);
  });
});

describe('versioned-twin', () => {
  it('flags a versioned name next to its twin', () => {
    expect(unversioned('search_documents_v2')).toBe('search_documents');
    expect(unversioned('searchV2')).toBe('search');
    expect(unversioned('v2')).toBeNull();
    const project = names('search_documents', 'search_documents_v2', 'get_user');
    expect(runRule(versionedTwinRule, project, 1)).toEqual([
      expect.objectContaining({ code: 'versioned-twin', path: '$.tools[1].function.name', message: expect.stringMatching(/next to "search_documents"/) }),
    ]);
    expect(runRule(versionedTwinRule, names('a_v1', 'a_v2'), 1)[0].message).toMatch(/"a_v1"/);
  });

  it('passes for a versioned name alone and for the unversioned twin itself', () => {
    expect(runRule(versionedTwinRule, names('search_documents_v2', 'get_user'))).toEqual([]);
    expect(runRule(versionedTwinRule, names('search_documents', 'search_documents_v2'), 0)).toEqual([]);
  });
});
