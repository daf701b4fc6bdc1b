import { describe, expect, it } from 'vitest';
import { loadExample } from '../../core/testing/fixtures.ts';
import { emptyProject } from '../../core/edit/newProject.ts';
import { replaceQuestion } from './replaceWork.ts';

describe('replaceQuestion', () => {
  it('asks nothing for an empty project', () => {
    expect(replaceQuestion(emptyProject())).toBeNull();
  });

  it('names the project and counts its calls and tools', () => {
    const project = loadExample('room-booking');
    const calls = project.chains.reduce((n, c) => n + c.calls.length, 0);
    expect(replaceQuestion(project)).toBe(`Replace ‘${project.name}’ (${calls} calls, ${project.tools.length} tools)? It stays in undo until you reload.`);
  });

  it('asks for tools alone, in the singular', () => {
    const one = loadExample('room-booking').tools.slice(0, 1);
    expect(replaceQuestion(emptyProject({ name: 'Tools only', tools: one }))).toBe('Replace ‘Tools only’ (1 tool)? It stays in undo until you reload.');
  });
});
