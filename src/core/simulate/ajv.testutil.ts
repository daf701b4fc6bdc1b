/** Test-only: the validators the simulator's output is checked against (ajv + ajv-formats). */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../project/types.ts';

const ajv2020 = new Ajv2020({ strict: false, allErrors: false, logger: false, ownProperties: true });
addFormats(ajv2020);
const ajv07 = new Ajv({ strict: false, allErrors: false, logger: false, ownProperties: true });
addFormats(ajv07);

export type Validator = ((value: unknown) => boolean) & { errors?: unknown };

/** Compiles with ajv for draft 2020-12, or draft-07 when `draft07` is set. */
export function validatorFor(schema: JsonSchema, draft07 = false): Validator {
  return (draft07 ? ajv07 : ajv2020).compile(schema) as Validator;
}
