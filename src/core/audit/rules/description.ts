/**
 * The description: missing, shorter than a sentence, or only restating the name. The model
 * chooses tools by their descriptions; "get_weather: Gets the weather." tells it nothing the
 * name did not.
 */
import { jsonPath } from '../../validate/diagnostics.ts';
import type { AuditRuleInfo } from '../types.ts';
import { nameWords, stem, textWords } from '../text.ts';
import { auditFinding, type ToolRule } from './context.ts';

export const DESCRIPTION_RULES: AuditRuleInfo[] = [
  { code: 'description-missing', level: 'high', title: 'The tool has no description' },
  { code: 'description-restates-name', level: 'medium', title: 'The description only restates the name' },
  { code: 'description-short', level: 'medium', title: 'The description is shorter than a sentence' },
];

/** Fewer words than this is not a sentence a model can choose by. */
export const MIN_DESCRIPTION_WORDS = 4;

/** Words that add nothing to a name. */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'from',
  'with',
  'by',
  'in',
  'on',
  'at',
  'and',
  'or',
  'this',
  'that',
  'it',
  'its',
  'tool',
  'function',
  'api',
  'endpoint',
  'method',
  'call',
  'calls',
  'used',
  'use',
  'uses',
  'given',
  'specified',
  'provided',
  'some',
  'data',
  'info',
  'information',
  'details',
  'is',
  'be',
  'will',
  'can',
  'which',
  'one',
]);

export const descriptionRule: ToolRule = ({ tool, path }) => {
  const name = tool.function.name;
  const at = jsonPath(path, 'function', 'description');
  const text = typeof tool.function.description === 'string' ? tool.function.description.trim() : '';
  if (text === '') {
    return [
      auditFinding(
        'description-missing',
        'high',
        at,
        `"${name}" has no description: the model chooses tools by their descriptions, so it can only guess from the name when to call this one.`,
        'Write one or two sentences: what the tool does, what it returns, and when to use it (or not).',
        name,
      ),
    ];
  }
  const words = textWords(text);
  const own = new Set(nameWords(name).map(stem));
  const content = words.filter((w) => !FILLER.has(w)).map(stem);
  if (content.length > 0 && content.every((w) => own.has(w))) {
    return [
      auditFinding(
        'description-restates-name',
        'medium',
        at,
        `The description of "${name}" ("${text}") only restates the name: it tells the model nothing the name did not.`,
        'Say what the tool returns, what its inputs mean, and when to use it rather than a similar tool.',
        name,
      ),
    ];
  }
  if (words.length < MIN_DESCRIPTION_WORDS) {
    return [
      auditFinding(
        'description-short',
        'medium',
        at,
        `The description of "${name}" ("${text}") is shorter than a sentence: too little for the model to tell when to call it.`,
        'Write a full sentence or two: what it does, what it returns, when to use it.',
        name,
      ),
    ];
  }
  return [];
};
