/** What a diagnostic's JSON path points at, for the inspector to show and focus it. */
export type DiagnosticTarget =
  | { kind: 'argument'; chainIndex: number; callIndex: number; arg: string }
  | { kind: 'call'; chainIndex: number; callIndex: number }
  | { kind: 'request'; chainIndex: number; index: number | null }
  | { kind: 'slot'; chainIndex: number; slot: string }
  | { kind: 'reply'; chainIndex: number }
  | { kind: 'chain'; chainIndex: number }
  | { kind: 'other' };

/** `$.a[2]["x-y"].b` → ['a', 2, 'x-y', 'b']; null when it is not such a path. */
export function jsonPathSegments(path: string): (string | number)[] | null {
  if (!path.startsWith('$')) return null;
  const out: (string | number)[] = [];
  const re = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) return null;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

/** Where in a chain a diagnostic points: an argument, a call, a request, a slot, the reply. */
export function diagnosticTarget(path: string): DiagnosticTarget {
  const s = jsonPathSegments(path);
  if (!s || s[0] !== 'chains' || typeof s[1] !== 'number') return { kind: 'other' };
  const chainIndex = s[1];
  if (s[2] === 'calls' && typeof s[3] === 'number') {
    if (s[4] === 'args' && typeof s[5] === 'string') return { kind: 'argument', chainIndex, callIndex: s[3], arg: s[5] };
    return { kind: 'call', chainIndex, callIndex: s[3] };
  }
  if (s[2] === 'requests') return { kind: 'request', chainIndex, index: typeof s[3] === 'number' ? s[3] : null };
  if (s[2] === 'slots' && typeof s[3] === 'string') return { kind: 'slot', chainIndex, slot: s[3] };
  if (s[2] === 'reply') return { kind: 'reply', chainIndex };
  return { kind: 'chain', chainIndex };
}
