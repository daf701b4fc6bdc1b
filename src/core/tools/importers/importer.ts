/**
 * One importer per input format. Each turns one item of the source's tool list into a
 * Chainwright tool definition, naming problems by their path in the source, and says how a
 * path in the tool definition maps back to the source (so that the tool-schema check can
 * name the place the user wrote).
 */
import type { ToolDef } from '../../project/types.ts';
import type { ToolFormat, ToolIssue } from '../types.ts';

export interface ConvertedTool {
  /** Absent when the item has errors. */
  tool?: ToolDef;
  errors: ToolIssue[];
  warnings: ToolIssue[];
  /** Maps a path inside the tool definition (`$.function.parameters.type`) to the source (`$.tools[2].inputSchema.type`). */
  sourcePath: (toolPath: string) => string;
}

export interface ToolImporter {
  format: ToolFormat;
  /** The item is written in this format (looked at to detect the format of a list). */
  recognises: (item: unknown) => boolean;
  /** What an item of this format looks like, for messages. */
  shape: string;
  /** One item, for messages: "an OpenAI tool". */
  itemLabel: string;
  convert: (item: unknown, path: string) => ConvertedTool;
}

/** Path prefix mapping: [prefix in the tool definition, suffix in the source item]. Longest prefix first. */
export function pathMapper(itemPath: string, pairs: readonly (readonly [string, string])[]): (toolPath: string) => string {
  return (toolPath) => {
    for (const [prefix, source] of pairs) {
      if (toolPath === prefix || toolPath.startsWith(`${prefix}.`) || toolPath.startsWith(`${prefix}[`))
        return `${itemPath}${source}${toolPath.slice(prefix.length)}`;
    }
    return itemPath;
  };
}

export const describeValue = (v: unknown): string =>
  v === undefined
    ? 'nothing'
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'a list'
        : typeof v === 'object'
          ? 'an object'
          : `${typeof v} ${JSON.stringify(v).slice(0, 60)}`;

/** A tool's name for messages (when it has a usable one). */
export const nameOf = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 64 ? v : undefined);

export const NO_PARAMETERS = (): ToolDef['function']['parameters'] => ({ type: 'object', properties: {} });
