/**
 * A list written in words, as text templates write an embedded array of strings or of
 * numbers: `A`, `A and B`, `A, B and C`. An empty list is the empty string.
 */
export function listInWords(items: readonly (string | number)[]): string {
  const words = items.map((item) => (typeof item === 'string' ? item : String(item)));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
