import type { JsonObject, JsonValue } from '../project/types.ts';
import type { Example } from '../generate/types.ts';

/**
 * The call/result sequence a written line carries, read back from any format: what a round trip
 * (Example → line → Transcript) must preserve. Fields a format does not carry are left out
 * (sharegpt and hermes have no call ids; anthropic's results name no tool).
 */
export type TranscriptTurn =
  | { kind: 'user'; text: string }
  | { kind: 'calls'; calls: { id?: string; tool: string; args: JsonObject }[] }
  | { kind: 'result'; id?: string; tool?: string; result: JsonValue }
  | { kind: 'reply'; text: string };

export interface Transcript {
  system?: string;
  turns: TranscriptTurn[];
}

/** The transcript of a generated example, with everything any format can carry. */
export function transcriptOf(example: Example): Transcript {
  const turns: TranscriptTurn[] = example.messages.map((m): TranscriptTurn => {
    if (m.role === 'user') return { kind: 'user', text: m.text };
    if (m.role === 'tool') return { kind: 'result', id: m.id, tool: m.tool, result: m.result };
    if ('calls' in m) return { kind: 'calls', calls: m.calls.map((c) => ({ id: c.id, tool: c.tool, args: c.args })) };
    return { kind: 'reply', text: m.text };
  });
  return example.system === undefined ? { turns } : { system: example.system, turns };
}

/** A transcript without the fields a format does not carry, to compare with what it reads back. */
export function withoutFields(t: Transcript, drop: { ids?: boolean; resultTools?: boolean }): Transcript {
  const turns = t.turns.map((turn): TranscriptTurn => {
    if (turn.kind === 'calls' && drop.ids) return { kind: 'calls', calls: turn.calls.map(({ tool, args }) => ({ tool, args })) };
    if (turn.kind === 'result') {
      const out: TranscriptTurn = { kind: 'result', result: turn.result };
      if (!drop.ids && turn.id !== undefined) out.id = turn.id;
      if (!drop.resultTools && turn.tool !== undefined) out.tool = turn.tool;
      return out;
    }
    return turn;
  });
  return t.system === undefined ? { turns } : { system: t.system, turns };
}

/** Tool content written as JSON text of the result, read back; text that is not JSON stays text. */
export function parseResult(content: string): JsonValue {
  try {
    return JSON.parse(content) as JsonValue;
  } catch {
    return content;
  }
}
