/**
 * Speed figures, printed (not asserted): `npm run bench`.
 * Generation of `openai` lines on one core, against the raw cost of JSON.stringify of the
 * same records, for the bundled example designs.
 */
import { readFileSync } from 'node:fs';
import { checkOpenAIRecord, createGenerator, openAITools, parseProject, toOpenAIRecord } from '../src/core/index.ts';

const COUNT = Number(process.env.BENCH_COUNT ?? 20000);

function bench(file: string): void {
  const parsed = parseProject(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const project = parsed.project;
  const chain = project.chains[0];
  const made = createGenerator(project, chain.id);
  if (!made.ok) throw new Error(made.diagnostics[0].message);
  const g = made.generator;
  const tools = openAITools(project);
  for (let i = 0; i < 500; i += 1) JSON.stringify(toOpenAIRecord(g.example(1, i), project, { tools })); // warm up

  let bytes = 0;
  const records = [];
  let t = performance.now();
  for (let i = 0; i < COUNT; i += 1) {
    const record = toOpenAIRecord(g.example(1, i), project, { tools });
    const line = JSON.stringify(record);
    bytes += line.length + 1;
    if (i < 5000) records.push(record);
  }
  const genMs = performance.now() - t;

  t = performance.now();
  for (let i = 0; i < COUNT; i += 1) JSON.stringify(records[i % records.length]);
  const stringifyMs = performance.now() - t;

  t = performance.now();
  const checkN = Math.min(COUNT, 5000);
  for (let i = 0; i < checkN; i += 1) checkOpenAIRecord(records[i]);
  const checkMs = performance.now() - t;

  const calls = chain.calls.length;
  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
  console.log(`${file.replace(/^.*\//, '')} (${calls} calls, ${g.plan.turns.length} turns)`);
  console.log(`  generate + format + stringify: ${rate(COUNT, genMs)} examples/s  (${(bytes / 1e6).toFixed(1)} MB for ${COUNT})`);
  console.log(`  JSON.stringify alone:          ${rate(COUNT, stringifyMs)} lines/s  (generation is ${((stringifyMs / genMs) * 100).toFixed(0)}% of its speed)`);
  console.log(`  openai checker:                ${rate(checkN, checkMs)} lines/s`);
}

for (const name of ['room-booking', 'incident-response', 'q4-planning']) bench(`public/examples/${name}.chain.json`);
