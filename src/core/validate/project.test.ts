import { describe, expect, it } from 'vitest';
import type { Project } from '../project/types.ts';
import { exampleTexts, loadExample, miniProject } from '../testing/fixtures.ts';
import { validateProject } from '../compile/compileProject.ts';

/** The diagnostics of a broken copy of the mini project, as `code @ path`. */
function findings(breakIt: (p: Project) => void, severity: 'error' | 'warning' = 'error'): string[] {
  const p = miniProject();
  breakIt(p);
  return validateProject(p)
    .filter((d) => d.severity === severity)
    .map((d) => `${d.code} @ ${d.path}`);
}

describe('validateProject', () => {
  it('finds nothing in any bundled example', () => {
    for (const name of Object.keys(exampleTexts)) expect(validateProject(loadExample(name)), name).toEqual([]);
  });

  it('finds nothing in the mini project', () => {
    expect(validateProject(miniProject())).toEqual([]);
  });

  it('rejects duplicate tool names and call ids', () => {
    expect(findings((p) => p.tools.push(structuredClone(p.tools[0])))).toContain('duplicate-tool @ $.tools[2].function.name');
    expect(findings((p) => p.chains[0].calls.push({ ...p.chains[0].calls[1] }))).toContain('duplicate-call @ $.chains[0].calls[2].id');
  });

  it('rejects a call whose tool is not defined, listing the tools', () => {
    const p = miniProject();
    p.chains[0].calls[1].tool = 'create_tsk';
    const d = validateProject(p).find((x) => x.code === 'unknown-tool')!;
    expect(d).toMatchObject({ path: '$.chains[0].calls[1].tool', chainId: 'plan', callId: 'task' });
    expect(d.message).toContain('create_project, create_task');
  });

  it('rejects references to an unknown slot, call or result field', () => {
    expect(findings((p) => (p.chains[0].requests = ['Make {nme}']))).toEqual(['unknown-slot @ $.chains[0].requests[0]']);
    expect(findings((p) => (p.chains[0].calls[1].args.project_id = '{proj.project_id}'))).toEqual(['unknown-call @ $.chains[0].calls[1].args.project_id']);
    const p = miniProject();
    p.chains[0].calls[1].args.project_id = '{project.id}';
    const d = validateProject(p).find((x) => x.code === 'unknown-field')!;
    expect(d.path).toBe('$.chains[0].calls[1].args.project_id');
    expect(d.message).toContain('"project_id", "name"');
  });

  it('rejects a request that reads a call result before any call ran', () => {
    expect(findings((p) => (p.chains[0].requests = ['Use {project.project_id}']))).toEqual(['bad-reference @ $.chains[0].requests[0]']);
  });

  it('rejects a required argument with no value', () => {
    expect(findings((p) => delete p.chains[0].calls[1].args.title)).toEqual(['missing-required-arg @ $.chains[0].calls[1].args.title']);
  });

  it('rejects argument values that cannot match the parameter type', () => {
    expect(findings((p) => (p.chains[0].calls[1].args.priority = 'high'))).toEqual(['arg-type-mismatch @ $.chains[0].calls[1].args.priority']);
    expect(findings((p) => (p.chains[0].calls[1].args.priority = 9))).toEqual(['arg-type-mismatch @ $.chains[0].calls[1].args.priority']);
    expect(findings((p) => (p.chains[0].calls[1].args.priority = 3))).toEqual([]);
    // A slot whose values do not fit.
    expect(
      findings((p) => {
        p.chains[0].slots!.prio = { oneOf: [1, 'urgent'] };
        p.chains[0].calls[1].args.priority = '{prio}';
      }),
    ).toEqual(['arg-type-mismatch @ $.chains[0].calls[1].args.priority']);
    // A result field of the wrong type: a list into a text parameter.
    expect(
      findings((p) => {
        p.tools[0].returns!.properties = { ...(p.tools[0].returns!.properties as object), tags: { type: 'array', items: { type: 'string' } } };
        p.chains[0].calls[1].args.title = '{project.tags}';
      }),
    ).toEqual(['arg-type-mismatch @ $.chains[0].calls[1].args.title']);
  });

  it('rejects a dependency cycle, naming the calls on it in order', () => {
    const p = miniProject();
    p.chains[0].calls[0].after = ['task'];
    const d = validateProject(p).find((x) => x.code === 'cycle')!;
    expect(d.message).toContain('project → task → project');
  });

  it('rejects a slot and a call sharing a name, unknown after targets, self references', () => {
    expect(findings((p) => (p.chains[0].slots!.task = 'x'))).toContain('slot-call-clash @ $.chains[0].calls[1].id');
    expect(findings((p) => (p.chains[0].calls[1].after = ['ghost']))).toEqual(['unknown-after @ $.chains[0].calls[1].after[0]']);
    expect(findings((p) => (p.chains[0].calls[1].args.title = '{task.task_id}'))).toContain('self-reference @ $.chains[0].calls[1].args.title');
  });

  it('rejects a bad faker method and a template syntax error', () => {
    expect(findings((p) => (p.chains[0].slots!.who = { fake: 'person.nope' }))).toEqual(['bad-faker-method @ $.chains[0].slots.who.fake']);
    expect(findings((p) => (p.chains[0].reply = 'Done {name'))).toEqual(['bad-reference @ $.chains[0].reply']);
  });

  it('rejects a chain without any user request', () => {
    expect(findings((p) => delete p.chains[0].requests)).toEqual(['no-requests @ $.chains[0].requests']);
  });

  it('rejects a parameter schema that is not valid JSON Schema', () => {
    expect(findings((p) => (p.tools[0].function.parameters = { type: 'object', properties: { name: { type: 'strin' } } }))).toContain(
      'invalid-schema @ $.tools[0].function.parameters',
    );
  });

  it('warns about an unused tool, an unused slot and a result nobody uses', () => {
    const w = findings((p) => {
      p.tools.push({ type: 'function', function: { name: 'spare', parameters: { type: 'object' } } });
      p.chains[0].slots!.extra = 'x';
      p.chains[0].reply = 'Done with {name}.';
    }, 'warning');
    expect(w).toEqual(['unused-slot @ $.chains[0].slots.extra', 'unused-result @ $.chains[0].calls[1]', 'unused-tool @ $.tools[2]']);
  });
});
