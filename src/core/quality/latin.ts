/**
 * Lorem ipsum in generated text: Faker's Latin word list, less the words that are also
 * English or names (any word of Faker's other English data or of our vocabulary: `a`, `in`,
 * `video`, `studio`, `victoria`, …) and short tokens common in ids.
 */
import { en } from '@faker-js/faker';
import * as V from '../simulate/vocab.ts';

/** Every word of Faker's English data but its lorem list (names, places, products, words), and of our own vocabulary. */
const ENGLISH = new Set<string>();
function collect(value: unknown, depth: number): void {
  if (depth > 6) return;
  if (typeof value === 'string') {
    for (const t of value.toLowerCase().split(/[^a-z]+/)) if (t) ENGLISH.add(t);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, depth + 1);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k !== 'lorem') collect(v, depth + 1);
  }
}
collect(en, 0);
collect(V, 0);
const ALSO_NOT_LATIN = [
  'a',
  'ad',
  'ago',
  'apparatus',
  'at',
  'calculus',
  'creator',
  'in',
  'minus',
  'sit',
  'super',
  'versus',
  'via',
  'video',
  'id',
  'ex',
  'sum',
  'sub',
  'sol',
  'una',
  'bis',
  'tot',
  'vox',
  'ver',
  'vis',
  'ars',
  'arx',
  'pax',
  'ara',
  'ea',
  'est',
  'nam',
  'non',
  'alo',
  'aro',
  'eos',
  'tam',
  'tum',
  'vel',
  'cum',
  'ter',
  'sto',
  'cur',
  'qui',
  'quo',
  'rem',
  'hic',
];
for (const w of ALSO_NOT_LATIN) ENGLISH.add(w);

const LATIN = new Set<string>((en.lorem?.word ?? []).map((w) => w.toLowerCase()).filter((w) => !ENGLISH.has(w)));

/** The Latin (lorem ipsum) words in a text. */
export function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/)) {
    // Identifiers, codes and addresses (`task_vAE5ZGG2`, `https://…`) are random letters, not words.
    if (/\d/.test(word) || /[a-z][A-Z]|[_/@]/.test(word)) continue;
    for (const token of word.toLowerCase().split(/[^a-z]+/)) if (token.length > 1 && LATIN.has(token)) out.push(token);
  }
  return out;
}
