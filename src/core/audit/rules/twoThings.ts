/**
 * A tool that seems to do two things: its description joins two actions — "and", "then",
 * "also" or "as well as" followed by an action verb and its object ("…and send it…",
 * "…then delete the file"). Lists of things ("name and email") are not actions and are not
 * flagged. Tools that do several things are hard for a model to select correctly.
 */
import { jsonPath } from '../../validate/diagnostics.ts';
import type { AuditRuleInfo } from '../types.ts';
import { actionVerb, sentences, textWords } from '../text.ts';
import { auditFinding, type ToolRule } from './context.ts';

export const TWO_THINGS_RULES: AuditRuleInfo[] = [{ code: 'does-two-things', level: 'medium', title: 'The description joins two actions' }];

const JOINERS = new Set(['and', 'then', 'also']);
/** What follows an action verb when it is used as one: an article, a pronoun, a particle. */
const OBJECT_STARTS = new Set([
  'a',
  'an',
  'the',
  'it',
  'them',
  'its',
  'their',
  'this',
  'that',
  'these',
  'those',
  'all',
  'any',
  'each',
  'every',
  'one',
  'some',
  'his',
  'her',
  'our',
  'your',
  'my',
  'new',
  'up',
  'out',
]);

/** The joined phrase ("and assign it"), or null. */
export function secondAction(description: string): string | null {
  for (const sentence of sentences(description)) {
    const words = textWords(sentence);
    for (let i = 0; i < words.length; i += 1) {
      let j: number;
      if (JOINERS.has(words[i])) j = i + 1;
      else if (words[i] === 'as' && words[i + 1] === 'well' && words[i + 2] === 'as') j = i + 3;
      else continue;
      while (j < words.length && (words[j] === 'then' || words[j] === 'also')) j += 1;
      const verb = words[j];
      const next = words[j + 1];
      if (verb && next && actionVerb(verb) && OBJECT_STARTS.has(next)) return words.slice(i, j + 2).join(' ');
    }
  }
  return null;
}

export const twoThingsRule: ToolRule = ({ tool, path }) => {
  const text = typeof tool.function.description === 'string' ? tool.function.description : '';
  const phrase = secondAction(text);
  if (!phrase) return [];
  const name = tool.function.name;
  return [
    auditFinding(
      'does-two-things',
      'medium',
      jsonPath(path, 'function', 'description'),
      `"${name}" seems to do two things ("…${phrase}…"): a tool that does several things is harder for the model to choose correctly, and a design cannot use one part without the other.`,
      'Split it into two tools that each do one thing, or reword the description if the second part is only what the tool returns.',
      name,
    ),
  ];
};
