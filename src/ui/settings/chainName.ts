import type { Project } from '../../core/index.ts';

/** A chain name not used yet: "Chain 2", "Chain 3"… (counting from the number of chains). */
export function suggestChainName(project: Project): string {
  const names = new Set(project.chains.map((c) => (c.name ?? c.id).toLowerCase()));
  for (let n = project.chains.length + 1; ; n += 1) {
    const name = `Chain ${n}`;
    if (!names.has(name.toLowerCase())) return name;
  }
}

/** A chain id made from a name, unique in the project: "Book a room" → `book-a-room`, then `book-a-room-2`. */
export function chainIdFromName(project: Project, name: string): string {
  const stem =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-0-9]+|-+$/g, '') || 'chain';
  const taken = new Set(project.chains.map((c) => c.id));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n += 1) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
