/**
 * A generated design for measuring the canvas: `calls` calls in one chain, in levels of
 * `width` calls; from the second level on, each call reads one field of a call of the
 * level before (and every fifth call a second one), so the plan has `calls / width` turns.
 * Positions are saved, as in a design someone drew.
 */
export function generateDesign(calls: number, width = 10): Record<string, unknown> {
  const tools = [
    {
      type: 'function',
      function: {
        name: 'fetch_record',
        description: 'Fetch a record by its key.',
        parameters: { type: 'object', properties: { key: { type: 'string' } }, required: ['key'] },
      },
      returns: {
        type: 'object',
        properties: {
          record_id: { type: 'string' },
          owner: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } }, required: ['name', 'email'] },
          tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 },
        },
        required: ['record_id', 'owner', 'tags'],
      },
      effect: 'read',
      latencyMs: 200,
    },
    {
      type: 'function',
      function: {
        name: 'merge_records',
        description: 'Merge a record into another.',
        parameters: {
          type: 'object',
          properties: { source_id: { type: 'string' }, target_id: { type: 'string' }, note: { type: 'string' } },
          required: ['source_id'],
        },
      },
      returns: { type: 'object', properties: { record_id: { type: 'string' }, merged: { type: 'boolean' } }, required: ['record_id', 'merged'] },
      effect: 'write',
      latencyMs: 350,
    },
  ];
  const list: Record<string, unknown>[] = [];
  for (let i = 0; i < calls; i += 1) {
    const level = Math.floor(i / width);
    const row = i % width;
    const id = `c${i}`;
    const position = { x: level * 420, y: row * 300 };
    if (level === 0) {
      list.push({ id, tool: 'fetch_record', args: { key: `{key}` }, position });
      continue;
    }
    const parent = `c${(level - 1) * width + ((row * 7) % width)}`;
    const args: Record<string, string> = { source_id: `{${parent}.record_id}` };
    if (i % 5 === 0) args.target_id = `{c${(level - 1) * width + ((row + 1) % width)}.record_id}`;
    list.push({ id, tool: 'merge_records', args, position });
  }
  return {
    format: 'chainwright-project',
    version: 1,
    name: `Generated ${calls} calls`,
    tools,
    chains: [{ id: 'big', name: `${calls} calls`, requests: ['Merge everything starting from {key}.'], slots: { key: { oneOf: ['alpha', 'beta'] } }, calls: list }],
  };
}
