import type { Example } from '../generate/types.ts';
import type { Finding } from '../findings/finding.ts';
import { DECODED_ARGUMENTS } from '../formats/chatMessages.ts';
import { checkOpenAIRecord, type OpenAIMessage, type OpenAIToolCall } from '../formats/openai.ts';
import { openaiFormat, type ExportFormat, type FormatContext } from '../formats/registry.ts';
import { isJsonData } from '../simulate/json.ts';

/**
 * Writes and checks the lines of one run. For most formats this is the format's own `write`
 * and `check` of each line.
 *
 * For `openai` lines that carry the tools, `writeChecked` builds the record once, checks that
 * object with the format's record checker, and writes the line as `JSON.stringify` of it — with
 * the tools' JSON text (the same on every line) written once and spliced in (and handed on
 * apart, as `parts`, so that a writer encodes it once). Checking the object
 * that is serialised is checking the line: `JSON.parse(JSON.stringify(x))` deep-equals `x` for
 * JSON data, and the tools checked are those parsed back from the spliced text. Likewise a
 * call's arguments: the checker validates the arguments object (when it is JSON data) rather
 * than parsing its text back. The first lines
 * are also written the plain way and compared; any difference switches the run to the plain
 * path. `check(line)` checks any line whole (a line of this run is checked without re-parsing
 * the known tools text).
 */
export interface LineWriter {
  write(example: Example): string[];
  check(line: string): Finding[];
  /** The example's lines, each checked: `failed` is the first line with findings, if any. */
  writeChecked(example: Example): CheckedLines;
}

export interface CheckedLines {
  lines: string[];
  failed?: { line: number; findings: Finding[] };
  /**
   * The lines in two parts, when they have them: `lines[k]` is `heads[k] + tail`, and `tail` is
   * the same text on every line of the writer (an `openai` line's tools). A consumer that
   * encodes lines can then encode the tail once (see ChunkOptions.onLine).
   */
  parts?: { heads: string[]; tail: string };
}

const PROBES = 2;

export function lineWriter(format: ExportFormat, context: FormatContext): LineWriter {
  const write = (example: Example): string[] => format.write(example, context);
  const check = (line: string): Finding[] => format.check(line, context.tools);
  const plain: LineWriter = {
    write,
    check,
    writeChecked(example) {
      const lines = write(example);
      for (let k = 0; k < lines.length; k += 1) {
        const findings = check(lines[k]);
        if (findings.length) return { lines, failed: { line: k, findings } };
      }
      return { lines };
    },
  };
  if (format !== openaiFormat || context.options.includeTools === false) return plain;

  const serialized = context.options.serialized === true;
  const toolsText = JSON.stringify(context.tools);
  // The tools as a reader of the line gets them (what the checker is given); frozen, so the
  // checker reads their parameter schemas once.
  const parsedTools = Object.freeze(JSON.parse(toolsText) as unknown[]);
  const tail = `,"tools":${toolsText},"parallel_tool_calls":${String(!serialized)}}`;
  const checkContext = { tools: context.tools };
  let probes = 0;
  let fast = true;

  /** The line of `messages` without its tail (the line is `head + tail`); probing compares the whole line with the plain one. */
  const emitHead = (example: Example, messages: OpenAIMessage[]): string => {
    const head = `{"messages":${JSON.stringify(messages)}`;
    if (probes < PROBES) {
      probes += 1;
      const expected = plain.write(example);
      if (expected.length !== 1 || expected[0] !== head + tail) fast = false;
    }
    return head;
  };

  return {
    write(example) {
      if (!fast) return plain.write(example);
      const head = emitHead(example, openAIMessages(example));
      return fast ? [head + tail] : plain.write(example);
    },
    check(line) {
      if (!fast || !line.endsWith(tail) || line.charCodeAt(line.length - tail.length - 1) !== 93 /* ] */) return check(line);
      let record: { [key: string]: unknown };
      try {
        record = JSON.parse(`${line.slice(0, line.length - tail.length)}}`) as { [key: string]: unknown };
      } catch {
        return check(line);
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record)) return check(line);
      // JSON.parse(line) would give these two keys the tail's values (the last key wins).
      record.tools = parsedTools;
      record.parallel_tool_calls = !serialized;
      return checkOpenAIRecord(record, checkContext);
    },
    writeChecked(example) {
      if (!fast) return plain.writeChecked(example);
      const messages = openAIMessages(example);
      const head = emitHead(example, messages);
      if (!fast) return plain.writeChecked(example);
      const findings = checkOpenAIRecord({ messages, tools: parsedTools, parallel_tool_calls: !serialized }, checkContext);
      // `head + tail` makes a rope that is only copied if someone reads it whole.
      const written: CheckedLines = { lines: [head + tail], parts: { heads: [head], tail } };
      if (findings.length) written.failed = { line: 0, findings };
      return written;
    },
  };
}

/** The `messages` of `toOpenAIRecord(example)`, built the same way (the probes compare the two). */
function openAIMessages(example: Example): OpenAIMessage[] {
  const out: OpenAIMessage[] = [];
  if (example.system !== undefined) out.push({ role: 'system', content: example.system });
  const messages = example.messages;
  for (let i = 0; i < messages.length; i += 1) {
    const m = messages[i];
    if (m.role === 'user') out.push({ role: 'user', content: m.text });
    else if (m.role === 'tool') out.push({ role: 'tool', tool_call_id: m.id, content: JSON.stringify(m.result) });
    else if ('calls' in m) {
      const calls: OpenAIToolCall[] = [];
      for (let k = 0; k < m.calls.length; k += 1) {
        const c = m.calls[k];
        const fn = { name: c.tool, arguments: JSON.stringify(c.args) };
        // The checker checks the arguments object itself: the same value as the text parsed back.
        if (isJsonData(c.args)) (fn as { [DECODED_ARGUMENTS]?: unknown })[DECODED_ARGUMENTS] = c.args;
        calls.push({ id: c.id, type: 'function', function: fn });
      }
      out.push({ role: 'assistant', content: null, tool_calls: calls });
    } else out.push({ role: 'assistant', content: m.text });
  }
  return out;
}
