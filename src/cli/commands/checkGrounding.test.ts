import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK } from '../main.ts';
import { cli, scratchDir } from '../testing.testutil.ts';

const dir = scratchDir('check-grounding');

/** A hand-made OpenAI line: the customer's orders are read, then one is cancelled by the id given. */
function line(orderId: string, reply: string, cancelled = true): string {
  return JSON.stringify({
    messages: [
      { role: 'user', content: 'Cancel my last order, please. I am customer C-2231.' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'a', type: 'function', function: { name: 'list_orders', arguments: '{"customer_id":"C-2231"}' } }],
      },
      { role: 'tool', tool_call_id: 'a', content: '{"orders":[{"order_id":"ORD-5521","status":"open"}]}' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'b', type: 'function', function: { name: 'cancel_order', arguments: JSON.stringify({ order_id: orderId }) } }],
      },
      { role: 'tool', tool_call_id: 'b', content: JSON.stringify({ order_id: orderId, cancelled }) },
      { role: 'assistant', content: reply },
    ],
    tools: [
      { type: 'function', function: { name: 'list_orders', parameters: { type: 'object', properties: { customer_id: { type: 'string' } } } } },
      { type: 'function', function: { name: 'cancel_order', parameters: { type: 'object', properties: { order_id: { type: 'string' } } } } },
    ],
  });
}

describe('chainwright check: grounding', () => {
  it('names the line and the JSON path of an invented id and of a reply that contradicts its result; exit 1', () => {
    const file = join(dir, 'made-elsewhere.jsonl');
    writeFileSync(
      file,
      [
        line('ORD-5521', 'I cancelled order ORD-5521.'),
        line('ORD-9000', 'I cancelled order ORD-9000.'),
        line('ORD-5521', 'Done: order ORD-5521 is cancelled.', false),
      ].join('\n') + '\n',
    );
    const r = cli('check', file);
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file}:2: \\$\\.messages\\[3\\]\\.tool_calls\\[0\\]\\.function\\.arguments: error: cancel_order is called with the id "ORD-9000" as order_id, .* \\[invented-id\\]$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^${file}:3: \\$\\.messages\\[5\\]\\.content: error: the final reply says "Done" .* cancel_order has cancelled: false.* \\[reply-contradicts-result\\]$`,
        ),
      ),
    ]);
    expect(r.stderr).toContain('3 lines checked (openai): 2 with 2 findings');
  });

  it('a grounded, truthful line passes', () => {
    const file = join(dir, 'good.jsonl');
    writeFileSync(file, line('ORD-5521', 'I cancelled order ORD-5521.') + '\n');
    expect(cli('check', file)).toMatchObject({ code: EXIT_OK, stdout: '' });
  });
});
