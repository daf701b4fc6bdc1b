import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProject } from '../../core/index.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { cli, scratchDir } from '../testing.testutil.ts';

const ROOM = 'public/examples/room-booking.chain.json';
let dir: string;
beforeAll(() => {
  dir = scratchDir('tools');
});

const mcp = (name: string) => ({
  name,
  description: `Do ${name} for the user, with care.`,
  inputSchema: { type: 'object', properties: {} },
  annotations: { readOnlyHint: true },
});

describe('chainwright tools import', () => {
  it('merges into a project and writes it; the source project is untouched', () => {
    const file = join(dir, 'tools.json');
    writeFileSync(file, JSON.stringify({ tools: [mcp('get_weather'), mcp('book_room')] }));
    const out = join(dir, 'merged.chain.json');
    const before = readFileSync(ROOM, 'utf8');
    let r = cli('tools', 'import', file, '--into', ROOM, '--out', out);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/already has "book_room": choose --on-clash/);
    expect(existsSync(out)).toBe(false);
    r = cli('tools', 'import', file, '--into', ROOM, '--out', out, '--on-clash', 'keep-both');
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toContain('MCP tools/list result, 2 tools: added get_weather; kept both book_room (new one: book_room_2)');
    const merged = parseProject(readFileSync(out, 'utf8'));
    expect(merged.ok && merged.project.tools.map((t) => t.function.name)).toEqual([
      'find_available_rooms',
      'get_team_members',
      'book_room',
      'send_invites',
      'get_weather',
      'book_room_2',
    ]);
    expect(readFileSync(ROOM, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a malformed file with the place; writes nothing', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '[\n  {"name": "a", "input_schema": {"type": "string"}}\n]');
    const out = join(dir, 'never.chain.json');
    const r = cli('tools', 'import', file, '--into', ROOM, '--out', out);
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stderr).toContain(`${file}:2: $[0].input_schema.type: error: the parameter schema must be an object schema`);
    expect(r.stderr).toMatch(/ \[invalid\]$/m);
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors', () => {
    expect(cli('tools').code).toBe(EXIT_USAGE);
    expect(cli('tools', 'frob').code).toBe(EXIT_USAGE);
    expect(cli('tools', 'import', 'x.json', '--out', '-').code).toBe(EXIT_USAGE);
    expect(cli('tools', 'import', 'x.json', '--into', ROOM, '--out', '-', '--on-clash', 'merge').code).toBe(EXIT_USAGE);
  });
});

describe('chainwright tools export', () => {
  it('writes OpenAI tools and a job_description.json', () => {
    const openai = join(dir, 'tools.openai.json');
    expect(cli('tools', 'export', ROOM, '--as', 'openai', '--out', openai).code).toBe(EXIT_OK);
    expect(JSON.parse(readFileSync(openai, 'utf8')).map((t: { function: { name: string } }) => t.function.name)).toEqual([
      'find_available_rooms',
      'get_team_members',
      'book_room',
      'send_invites',
    ]);
    const r = cli('tools', 'export', ROOM, '--as', 'job-description', '--out', '-');
    expect(r.code).toBe(EXIT_OK);
    expect(JSON.parse(r.stdout).task_description).toMatch(/^You are a scheduling assistant/);
    expect(cli('tools', 'export', ROOM, '--as', 'yaml', '--out', '-').code).toBe(EXIT_USAGE);
  });
});
