import type { JsonSchema } from '../project/types.ts';
import { formatReference } from '../refs/parse.ts';
import { schemaTypes } from '../refs/schemaPath.ts';
import { fieldPathSegments } from './fields.ts';

/**
 * The reference text written when a result field is wired into an argument:
 * `rooms[].room_id` into a string argument → `{rooms.rooms[0].room_id}`; into an array
 * argument → `{rooms.rooms[*].room_id}` (every list step `[*]`: one flat list). `$` (the
 * whole result) → `{rooms}`. An argument of unknown type is taken as one value (`[0]`).
 */
export function referenceForConnection(sourceCallId: string, fieldPath: string, targetParamSchema: JsonSchema | undefined): string {
  const path = fieldPathSegments(fieldPath) ?? [];
  const wantsList = targetParamSchema !== undefined && schemaTypes(targetParamSchema).has('array');
  return formatReference(
    sourceCallId,
    path.map((s) => (s.kind === 'all' && !wantsList ? { kind: 'index', index: 0 } : s)),
  );
}
