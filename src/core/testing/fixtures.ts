/** Test helpers: the bundled example projects, read without Node built-ins so src/core stays pure. */
import type { Project } from '../project/types.ts';
import { parseProject } from '../project/parse.ts';
import { planChain } from '../graph/plan.ts';

const files = import.meta.glob('../../../public/examples/*.chain.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Example name (`room-booking`) → the file's text. */
export const exampleTexts: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.replace(/^.*\/([^/]+)\.chain\.json$/, '$1'), text]),
);

export function loadExample(name: string): Project {
  const text = exampleTexts[name];
  if (text === undefined) throw new Error(`no example "${name}"`);
  const parsed = parseProject(text);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
  return parsed.project;
}

/** A small valid project to break in tests, built fresh each call. */
export function miniProject(): Project {
  return {
    format: 'chainwright-project',
    version: 2,
    name: 'Mini',
    systemPrompt: 'You help.',
    tools: [
      {
        type: 'function',
        function: {
          name: 'create_project',
          description: 'Create a project.',
          parameters: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
        },
        returns: { type: 'object', properties: { project_id: { type: 'string' }, name: { type: 'string' } }, required: ['project_id', 'name'] },
        effect: 'write',
      },
      {
        type: 'function',
        function: {
          name: 'create_task',
          description: 'Create a task in a project.',
          parameters: {
            type: 'object',
            properties: { project_id: { type: 'string' }, title: { type: 'string' }, priority: { type: 'integer', minimum: 1, maximum: 5 } },
            required: ['project_id', 'title'],
          },
        },
        returns: { type: 'object', properties: { task_id: { type: 'string' } }, required: ['task_id'] },
        effect: 'write',
      },
    ],
    chains: [
      {
        id: 'plan',
        requests: ['Create a project called {name} and add a task "{title}".'],
        slots: { name: { oneOf: ['Q4 Planning', 'Launch'] }, title: 'Budget review' },
        calls: [
          { id: 'project', tool: 'create_project', args: { name: '{name}' } },
          { id: 'task', tool: 'create_task', args: { project_id: '{project.project_id}', title: '{title}' } },
        ],
        reply: 'Created {name} ({project.project_id}) with the task {task.task_id}.',
      },
    ],
  };
}

/**
 * A copy of a project whose calls all carry saved positions (columns by turn, rows 400 apart),
 * as a project looks after the user has arranged it. The bundled examples carry none.
 */
export function withSavedPositions(project: Project): Project {
  const copy = structuredClone(project);
  for (const chain of copy.chains) {
    const planned = planChain(copy, chain);
    const rows = new Map<number, number>();
    for (const call of chain.calls) {
      const level = planned.ok ? planned.plan.levelOf[call.id] : 0;
      const row = rows.get(level) ?? 0;
      rows.set(level, row + 1);
      call.position = { x: level * 300, y: row * 400 };
    }
  }
  return copy;
}
