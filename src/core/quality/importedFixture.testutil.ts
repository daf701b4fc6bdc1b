/**
 * Test-only: a design as a new user would make it from a plain OpenAI tool list (no `x-fake`,
 * no `enum`s on results, no bounds unless a hand-written schema gives them): the tools are
 * imported from fixtures/openai-tools.json, their `returns` inferred from the sample results
 * in fixtures/sample-results.json (as the tool editor's "infer from a sample" does) or taken
 * from fixtures/hand-returns.json, and the chains of fixtures/chains.json added.
 * fixtures/imported-openai.chain.json is this project written out (for `chainwright quality`);
 * a test keeps the two equal. To rewrite it after changing a fixture:
 *
 *   UPDATE_FIXTURE=1 npx vitest run src/core/quality/quality.test.ts -t "committed project file"
 */
import toolsText from './fixtures/openai-tools.json?raw';
import samplesText from './fixtures/sample-results.json?raw';
import handText from './fixtures/hand-returns.json?raw';
import chainsText from './fixtures/chains.json?raw';
import { importTools } from '../tools/importTools.ts';
import { inferSchema } from '../tools/inferSchema.ts';
import { PROJECT_FORMAT, PROJECT_VERSION } from '../project/types.ts';
import type { Chain, JsonSchema, JsonValue, Project } from '../project/types.ts';

/** The project file, relative to the repository (what `chainwright quality` is given). */
export const IMPORTED_FIXTURE_FILE = 'src/core/quality/fixtures/imported-openai.chain.json';

export function buildImportedProject(): Project {
  const imported = importTools(toolsText);
  if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.errors)}`);
  const samples = JSON.parse(samplesText) as Record<string, JsonValue>;
  const hand = JSON.parse(handText) as Record<string, JsonSchema>;
  const design = JSON.parse(chainsText) as { name: string; systemPrompt: string; referenceDate: string; chains: Chain[] };
  const tools = imported.tools.map((tool) => {
    const name = tool.function.name;
    const returns = hand[name] ?? (name in samples ? inferSchema(samples[name]) : undefined);
    return returns ? { ...tool, returns } : tool;
  });
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: design.name,
    systemPrompt: design.systemPrompt,
    referenceDate: design.referenceDate,
    tools,
    chains: design.chains,
  };
}

/** The project file's text: the built project, as JSON with two-space indents and a final newline. */
export function importedFixtureText(): string {
  return `${JSON.stringify(buildImportedProject(), null, 2)}\n`;
}
