/**
 * A generated design for measuring the canvas: `calls` calls in one chain, in levels of
 * `width` calls; from the second level on, each call reads one field of a call of the
 * level before (and every fifth call a second one), so the plan has `calls / width` turns.
 * Positions are saved, as in a design someone drew.
 *
 * With `behaviours`, the design also reads its results: `fanOuts` calls run once for each tag of
 * the call they read (`forEach` over `{parent.tags[*]}`, with a filter), and `conditions` calls
 * run only when their parent's tags are more than one (`when`). Fan-outs are the last row of
 * each level (and, past that, the last levels' other rows): no call reads a fan-out's result, so
 * every reference stays valid; conditional calls may be read (their dependents then wait).
 */
export function generateDesign(calls: number, width = 10, behaviours?: { fanOuts: number; conditions: number }): Record<string, unknown> {
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
      returns: {
        type: 'object',
        properties: {
          record_id: { type: 'string' },
          merged: { type: 'boolean' },
          tags: { type: 'array', items: { type: 'string' }, minItems: 0, maxItems: 4 },
        },
        required: ['record_id', 'merged', 'tags'],
      },
      effect: 'write',
      latencyMs: 350,
    },
  ];
  const list: Record<string, unknown>[] = [];
  const levels = Math.ceil(calls / width);
  // Calls that run once per tag: from the last row of each level (from level 1 on), then other rows of the last levels.
  const fanOut = new Set<number>();
  if (behaviours) {
    for (let row = width - 1; row >= 0 && fanOut.size < behaviours.fanOuts; row -= 1) {
      for (let level = levels - 1; level >= 1 && fanOut.size < behaviours.fanOuts; level -= 1) {
        const i = level * width + row;
        if (i < calls && (row === width - 1 || level === levels - 1)) fanOut.add(i);
      }
      if (row < width - 1) break;
    }
  }
  // Calls read by others come from the rows that hold no fan-out.
  const readable = behaviours ? width - 1 : width;
  const conditional = new Set<number>();
  if (behaviours) {
    for (let i = width; i < calls && conditional.size < behaviours.conditions; i += 1)
      if (!fanOut.has(i) && i % width === Math.floor(width / 2)) conditional.add(i);
    for (let i = width; i < calls && conditional.size < behaviours.conditions; i += 1)
      if (!fanOut.has(i) && !conditional.has(i) && i % width === 1) conditional.add(i);
  }
  for (let i = 0; i < calls; i += 1) {
    const level = Math.floor(i / width);
    const row = i % width;
    const id = `c${i}`;
    const position = { x: level * 420, y: row * 300 };
    if (level === 0) {
      list.push({ id, tool: 'fetch_record', args: { key: `{key}` }, position });
      continue;
    }
    const parent = `c${(level - 1) * width + ((row * 7) % readable)}`;
    const args: Record<string, string> = { source_id: `{${parent}.record_id}` };
    if (i % 5 === 0) args.target_id = `{c${(level - 1) * width + ((row + 1) % readable)}.record_id}`;
    const call: Record<string, unknown> = { id, tool: 'merge_records', args, position };
    if (fanOut.has(i)) {
      Object.assign(call, { forEach: `{${parent}.tags[*]}`, as: 'tag', where: { value: '{tag}', ne: 'archived' } });
      args.note = '{tag}';
    }
    if (conditional.has(i)) call.when = { value: `{${parent}.tags.length}`, gt: 1 };
    list.push(call);
  }
  return {
    format: 'chainwright-project',
    version: 1,
    name: `Generated ${calls} calls`,
    tools,
    chains: [
      { id: 'big', name: `${calls} calls`, requests: ['Merge everything starting from {key}.'], slots: { key: { oneOf: ['alpha', 'beta'] } }, calls: list },
    ],
  };
}
