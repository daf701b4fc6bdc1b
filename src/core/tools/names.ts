/** Tool names: the allowed pattern and fresh names for copies and kept-both imports. */
import { TOOL_NAME } from '../project/shape.ts';

export { TOOL_NAME };

export function isToolName(name: unknown): name is string {
  return typeof name === 'string' && TOOL_NAME.test(name);
}

/** `name` if free, else `name_2`, `name_3`… (shortened to stay within 64 characters). */
export function uniqueToolName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const candidate = `${name.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
