/**
 * Finds one dependency cycle among `nodes`, given each node's successors. Returns the
 * nodes on it in order (`[a, b, c]` means a → b → c → a), or null when there is none.
 */
export function findCycle(nodes: readonly string[], successors: (node: string) => readonly string[]): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 1);
    stack.push(node);
    for (const next of successors(node)) {
      const s = state.get(next);
      if (s === 1) return stack.slice(stack.indexOf(next));
      if (s === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 2);
    return null;
  };
  for (const node of nodes) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}
