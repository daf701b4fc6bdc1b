import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import metaSchemaValidator from './metaSchema.generated.ts';
import type { JsonSchema, JsonValue } from '../project/types.ts';

/**
 * JSON Schema checks with ajv (draft 2020-12, which also reads the draft-07 style most
 * tool definitions are written in). Compiled validators are cached per schema object.
 */

export interface SchemaError {
  /** JSON path inside the value, e.g. `$.rooms[0].capacity`. */
  path: string;
  message: string;
}

export type SchemaCheck = (value: JsonValue) => SchemaError[];
export type CompileResult = { ok: true; check: SchemaCheck } | { ok: false; message: string };

/** ajv's standalone code, typed as ajv types what it compiles. */
const validateMetaSchema = metaSchemaValidator as unknown as ValidateFunction;

let ajv: Ajv2020 | undefined;
const cache = new WeakMap<object, CompileResult>();

function instance(): Ajv2020 {
  if (!ajv) {
    // ownProperties: a property named like one of Object.prototype's ("valueOf", "constructor")
    // is only there when the object itself has it (`{}` has no "valueOf" to check).
    // validateSchema: false — a schema is checked against the meta-schema before it is compiled,
    // by the meta-schema's validator generated ahead of time (metaSchema.generated.ts): compiling
    // the meta-schema here took about 130 ms of the page's first paint.
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, validateSchema: false, ownProperties: true });
    // Chainwright's own annotations in result schemas.
    ajv.addKeyword({ keyword: 'x-fake' });
    ajv.addKeyword({ keyword: 'x-fake-args' });
    addFormats(ajv);
  }
  return ajv;
}

/** `/rooms/0/capacity` → `$.rooms[0].capacity`. */
function toJsonPath(pointer: string): string {
  if (!pointer) return '$';
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((key) => (/^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`))
      .join('')
  );
}

export function describeSchemaError(e: ErrorObject): SchemaError {
  const path = toJsonPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return { path, message: `is missing the required field "${String(params.missingProperty)}"` };
  if (e.keyword === 'enum') return { path, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  if (e.keyword === 'additionalProperties') return { path, message: `has a field "${String(params.additionalProperty)}" the schema does not allow` };
  return { path, message: e.message ?? `fails "${e.keyword}"` };
}

/** Compiles a schema once (cached by object identity). A broken schema gives a message, not a throw. */
export function compileSchema(schema: JsonSchema): CompileResult {
  const cached = cache.get(schema);
  if (cached) return cached;
  // Equal schemas in different objects (each parsed line of a dataset carries its own copy
  // of the tools) share one compiled validator.
  const key = JSON.stringify(schema);
  const same = byText.get(key);
  if (same) {
    cache.set(schema, same);
    return same;
  }
  const result = compileUncached(schema);
  if (byText.size >= TEXT_CACHE_LIMIT) byText.clear();
  byText.set(key, result);
  cache.set(schema, result);
  return result;
}

const byText = new Map<string, CompileResult>();
const TEXT_CACHE_LIMIT = 2000;

function compileUncached(schema: JsonSchema): CompileResult {
  let result: CompileResult;
  try {
    // `$id` would register the schema globally (a second tool with the same id would clash) and a
    // `$schema` naming draft-07 would send ajv looking for that meta-schema: neither changes what is valid here.
    const { $id: _id, $schema: _meta, ...body } = schema;
    if (!validateMetaSchema(body)) return { ok: false, message: `schema is invalid: ${instance().errorsText(validateMetaSchema.errors)}` };
    const validate: ValidateFunction = instance().compile(body);
    result = {
      ok: true,
      check: (value) => (validate(value) ? [] : (validate.errors ?? []).map(describeSchemaError)),
    };
  } catch (e) {
    result = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  return result;
}

/** Checks a value against a schema; a schema that does not compile is reported as the one error. */
export function checkAgainstSchema(schema: JsonSchema, value: JsonValue): SchemaError[] {
  const compiled = compileSchema(schema);
  return compiled.ok ? compiled.check(value) : [{ path: '$', message: `the schema itself is invalid: ${compiled.message}` }];
}
