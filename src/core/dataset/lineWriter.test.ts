import { describe, expect, it } from 'vitest';
import { createGenerator } from '../generate/example.ts';
import { formatContext, openaiFormat } from '../formats/registry.ts';
import { exampleTexts, loadExample } from '../testing/fixtures.ts';
import { lineWriter } from './lineWriter.ts';
import type { Example, ExampleCall } from '../generate/types.ts';

const callsOf = (e: Example): ExampleCall[] => e.messages.flatMap((m) => ('calls' in m ? m.calls : []));

/** Ways to break a good line: each must give exactly the findings the format's own checker gives. */
const BREAKS: ((line: string) => string)[] = [
  (l) => l.replace('"role":"user"', '"role":"human"'),
  (l) => l.replace(/"arguments":"\{/, '"arguments":"[{'),
  (l) => l.replace(/"tool_call_id":"[A-Za-z0-9]+"/, '"tool_call_id":"nope"'),
  (l) => l.replace('"tools":[', '"tools":[{"type":"function","function":{"name":"extra","parameters":{"type":"object"}}},'),
  (l) => l.replace('"parallel_tool_calls":true', '"parallel_tool_calls":false'),
  (l) => l.replace('"parallel_tool_calls":true}', '"parallel_tool_calls":true,"tools":[]}'),
  (l) => l.slice(0, -2),
  (l) => `{"messages":[]${l.slice(l.indexOf(',"tools":'))}`,
  (l) => `{${l.slice(l.indexOf('"tools":'))}`,
  (l) => l.replace(/"content":"[^"]*"\}\],"tools"/, '"content":null}],"tools"'),
];

describe('lineWriter (openai with tools on every line)', () => {
  it('writes exactly what the format writes and finds exactly what its checker finds', () => {
    for (const name of Object.keys(exampleTexts)) {
      const project = loadExample(name);
      for (const serialized of [false, true]) {
        const context = formatContext(project, { includeTools: true, serialized });
        const writer = lineWriter(openaiFormat, context);
        for (const chain of project.chains) {
          const made = createGenerator(project, chain.id, { serializeParallel: serialized });
          if (!made.ok) throw new Error(made.diagnostics[0].message);
          for (let i = 0; i < 8; i += 1) {
            const example = made.generator.example(9, i);
            const [line] = writer.write(example);
            expect(line).toBe(openaiFormat.write(example, context)[0]);
            expect(writer.check(line)).toEqual([]);
            const written = writer.writeChecked(example);
            expect(written.lines).toEqual([line]);
            expect(written.failed).toBeUndefined();
            // The parts, when given, are the line: the head and the run's one tail.
            expect(written.parts).toBeDefined();
            expect(written.parts!.heads.map((h) => h + written.parts!.tail)).toEqual([line]);
            expect(written.parts!.tail).toBe(line.slice(line.indexOf(',"tools":')));
            for (const broken of BREAKS.map((b) => b(line))) {
              if (broken === line) continue;
              expect(writer.check(broken), broken.slice(0, 120)).toEqual(openaiFormat.check(broken, context.tools));
            }
          }
        }
      }
    }
  }, 60_000);

  it('writeChecked finds in the example what the checker finds in its line', () => {
    const project = loadExample('trip-planning');
    const context = formatContext(project, {});
    const made = createGenerator(project, 'plan-trip');
    if (!made.ok) throw new Error(made.diagnostics[0].message);
    const writer = lineWriter(openaiFormat, context);
    // Broken examples: arguments against the schema, a non-JSON value in arguments, a reused call id, a missing reply.
    const breaks: ((e: Example) => void)[] = [
      (e) => (callsOf(e)[0].args.date = 'not a date'),
      (e) => (callsOf(e)[0].args.origin = 12),
      (e) => (callsOf(e)[1].args.nights = Number.NaN),
      (e) => (callsOf(e)[1].id = callsOf(e)[0].id),
      (e) => e.messages.pop(),
    ];
    for (let i = 0; i < 4; i += 1) writer.writeChecked(made.generator.example(3, i)); // past the probes
    for (const [k, breakIt] of breaks.entries()) {
      const example = made.generator.example(3, 10 + k);
      breakIt(example);
      const { lines, failed } = writer.writeChecked(example);
      expect(lines).toEqual(openaiFormat.write(example, context));
      const expected = openaiFormat.check(lines[0], context.tools);
      expect(expected.length, `break ${k}`).toBeGreaterThan(0);
      expect(failed, `break ${k}`).toEqual({ line: 0, findings: expected });
    }
  });

  it('finds problems in lines it did not write itself', () => {
    const project = loadExample('room-booking');
    const writer = lineWriter(openaiFormat, formatContext(project, {}));
    expect(writer.check('not json').map((f) => f.code)).toEqual(['not-json']);
    expect(writer.check('{"messages":[{"role":"user","content":"hi"}]}').map((f) => f.code)).toEqual(['no-final-reply']);
  });
});
