import type { ToolEntry } from '../../state/store.ts';

/**
 * The tools matching a quick-add query: names that start with it first, then names and
 * descriptions that contain it (case-insensitive; `_`, `-` and spaces are alike).
 */
export function matchTools(tools: readonly ToolEntry[], query: string): ToolEntry[] {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[_\s-]+/g, ' ')
      .trim();
  const q = norm(query);
  if (q === '') return [...tools];
  const starts: ToolEntry[] = [];
  const inName: ToolEntry[] = [];
  const inDescription: ToolEntry[] = [];
  for (const tool of tools) {
    const name = norm(tool.name);
    if (name.startsWith(q)) starts.push(tool);
    else if (name.includes(q)) inName.push(tool);
    else if (norm(tool.description).includes(q)) inDescription.push(tool);
  }
  return [...starts, ...inName, ...inDescription];
}
