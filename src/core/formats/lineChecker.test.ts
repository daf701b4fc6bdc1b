import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allChains, generatorFor, project } from './formats.testutil.ts';
import { lineChecker, type LineChecker } from './lineChecker.ts';
import { FORMATS, formatContext } from './registry.ts';
import type { OpenAITool } from '../tools/openAITools.ts';

function make(formatId: string, options?: Parameters<typeof lineChecker>[2], tools?: OpenAITool[]): LineChecker {
  const checker = lineChecker(formatId, tools, options);
  if ('error' in checker) throw new Error(checker.error);
  return checker;
}

/** Lines of `formatId` for a few examples of the room-booking example. */
function linesOf(formatId: string, count = 3): string[] {
  const ref = allChains.find((c) => c.name === 'room-booking')!;
  const p = project(ref.name);
  const format = FORMATS.find((f) => f.id === formatId)!;
  const context = formatContext(p, {});
  return Array.from({ length: count }, (_, i) => format.write(generatorFor(ref).example(1, i), context)).flat();
}

describe('lineChecker', () => {
  it('refuses an unknown format by name', () => {
    expect(lineChecker('chatml', undefined)).toEqual({ error: 'unknown format "chatml"' });
  });

  it('"auto" takes the format of the first non-empty line; empty lines are skipped but keep their numbers', () => {
    const [a, b] = linesOf('sharegpt', 2);
    const checker = make('auto');
    expect(checker.format).toBeUndefined();
    expect(checker.formatId).toBe('openai');
    const found = checker.push(['', '  ', a, '', b, '{"conversations": oops']);
    expect(checker.format?.id).toBe('sharegpt');
    expect(checker.formatId).toBe('sharegpt');
    expect(found.map((f) => f.line)).toEqual([6]);
    expect(found[0].findings[0].code).toBe('not-json');
    expect(checker.tally()).toEqual({ lines: 3, badLines: 1, findings: 1, unlisted: 0 });
    expect(checker.looksLike).toBeUndefined();
  });

  it('lists at most maxListed bad lines and counts the rest', () => {
    const checker = make('openai', { maxListed: 2, file: 'train.jsonl' });
    const found = checker.push(['x', 'y', 'z', '{}']);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ file: 'train.jsonl', line: 1 });
    expect(checker.tally()).toMatchObject({ lines: 4, badLines: 4, unlisted: 2 });
  });

  it('names the format the lines fit only when the first line fails as the given one and passes as that one', () => {
    const sharegpt = linesOf('sharegpt', 1);
    const wrong = make('openai');
    wrong.push(sharegpt);
    expect(wrong.looksLike).toBe('sharegpt');

    const right = make('sharegpt');
    right.push(sharegpt);
    expect(right.looksLike).toBeUndefined();

    // Broken JSON, or a line that is bad in every format: no suggestion.
    const broken = make('openai');
    broken.push(['{"messages": oops']);
    expect(broken.looksLike).toBeUndefined();
    const empty = make('openai');
    empty.push(['{"conversations": []}']);
    expect(empty.looksLike).toBeUndefined();

    // Only the first line is looked at.
    const later = make('openai');
    later.push([...linesOf('openai', 1), ...sharegpt]);
    expect(later.looksLike).toBeUndefined();
  });

  it('for a line of any format checked as any other that fails it, suggests the line’s own format', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allChains),
        fc.nat(100_000),
        fc.constantFrom(...FORMATS),
        fc.constantFrom(...FORMATS),
        (ref, index, written, checkedAs) => {
          const p = project(ref.name);
          if (written.id === checkedAs.id || written.readiness?.(p, ref.chainId).some((d) => d.severity === 'error')) return;
          const serialized = written.needsSerializedTurns === true;
          const context = formatContext(p, { serialized });
          const [line] = written.write(generatorFor(ref, { serializeParallel: serialized }).example(3, index), context);
          // The project's tools, as `check --tools` gives them (a distil line carries none).
          const checker = make(checkedAs.id, {}, context.tools);
          const found = checker.push([line]);
          if (found.length === 0) expect(checker.looksLike).toBeUndefined();
          else expect(checker.looksLike, `${written.id} line checked as ${checkedAs.id}`).toBe(written.id);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
