import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { cli, scratchDir } from '../testing.testutil.ts';

let dir: string;
beforeAll(() => {
  dir = scratchDir('audit');
});

describe('chainwright audit', () => {
  it('prints the grades and each finding as FILE: path: weight: message — fix [code]; exit 0', () => {
    const file = 'public/examples/incident-response.chain.json';
    const r = cli('audit', file);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/^Project "Incident response[^"]*": grade A \(\d+\/100\), 6 tools, 1 finding$/m);
    expect(r.stdout).toMatch(/^ {2}A {2}90 {2}create_ticket +1 finding$/m);
    expect(r.stdout).toContain(`${file}: $.tools[3].function.description: medium: "create_ticket" seems to do two things`);
    expect(r.stdout).toMatch(/ — Split it into two tools .* \[does-two-things\]$/m);
  });

  it('--json gives the report', () => {
    const r = cli('audit', 'public/examples/room-booking.chain.json', '--json');
    expect(r.code).toBe(EXIT_OK);
    const report = JSON.parse(r.stdout);
    expect(report.project.grade).toBe('A');
    expect(report.tools.map((t: { name: string }) => t.name)).toEqual(['find_available_rooms', 'get_team_members', 'book_room', 'send_invites']);
    // A finding is the one record of findings: its rule id is `code`, its grade cost `weight`.
    const twoThings = JSON.parse(cli('audit', 'public/examples/incident-response.chain.json', '--json').stdout).tools[3].findings[0];
    expect(twoThings).toMatchObject({ code: 'does-two-things', severity: 'warning', weight: 'medium', path: '$.tools[3].function.description' });
    expect(twoThings).not.toHaveProperty('rule');
  });

  it('names the result fields whose simulated values are generic words, and none for a design with fitting values', () => {
    const file = join(dir, 'generic.json');
    const returns = { type: 'object', properties: { report_id: { type: 'string' }, frobnicator: { type: 'string' } }, required: ['report_id', 'frobnicator'] };
    writeFileSync(
      file,
      JSON.stringify([
        { type: 'function', function: { name: 'make_report', description: 'Make a report.', parameters: { type: 'object', properties: {} } }, returns },
      ]),
    );
    const r = cli('audit', file);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: make_report frobnicator: 100 % generic \\(e\\.g\\. "`, 'm'));
    expect(r.stdout).not.toMatch(/make_report report_id/);
    expect(JSON.parse(cli('audit', file, '--json').stdout).genericFields).toEqual([
      { tool: 'make_report', fields: [expect.objectContaining({ field: 'frobnicator', share: 1 })] },
    ]);
    expect(cli('audit', 'public/examples/room-booking.chain.json').stdout).not.toContain('generic words');
  });

  it('audits a tool list in any import format (as a project without chains)', () => {
    const file = join(dir, 'mcp.json');
    writeFileSync(
      file,
      JSON.stringify({
        tools: [
          { name: 'delete_file', description: 'Delete a file from the workspace.', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } },
        ],
      }),
    );
    const r = cli('audit', file);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toContain('read as MCP tools/list result (1 tool, no chains)');
    for (const rule of ['parameter-description-missing', 'required-missing', 'returns-missing', 'effect-undeclared']) expect(r.stdout).toContain(`[${rule}]`);
  });

  it('exit 1 on invalid input, naming the place; exit 2 on usage', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "format": "chainwright-project",\n  oops\n}');
    expect(cli('audit', broken)).toMatchObject({ code: EXIT_INVALID, stderr: expect.stringMatching(/broken\.json:3: \$: error: .*not valid JSON/) });
    const badTools = join(dir, 'bad-tools.json');
    writeFileSync(badTools, JSON.stringify({ tools: [{ name: 'a b', inputSchema: { type: 'object' } }] }, null, 2));
    expect(cli('audit', badTools)).toMatchObject({
      code: EXIT_INVALID,
      stderr: expect.stringContaining(`${badTools}:4: $.tools[0].name: error: a tool name is 1 to 64 letters`),
    });
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"hello": 1}');
    expect(cli('audit', other)).toMatchObject({ code: EXIT_INVALID, stderr: expect.stringContaining('not a Chainwright project') });
    expect(cli('audit', join(dir, 'missing.json'))).toMatchObject({ code: EXIT_INVALID, stderr: expect.stringContaining('cannot read the file') });
    expect(cli('audit').code).toBe(EXIT_USAGE);
    expect(cli('audit', 'a', 'b').code).toBe(EXIT_USAGE);
    expect(cli('audit', 'public/examples/room-booking.chain.json', '--verbose').code).toBe(EXIT_USAGE);
  });
});
