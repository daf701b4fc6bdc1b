import type { Diagnostic } from '../validate/diagnostics.ts';
import { error, jsonPath } from '../validate/diagnostics.ts';
import { checkConditionShape } from '../conditions/shape.ts';
import { EFFECTS, isPlainObject } from './types.ts';

/**
 * The structure of a version-2 project: every key the format defines has the right JSON
 * type. Unknown keys are allowed (they are kept on save). Semantic checks (unknown tools,
 * references, cycles…) live in validate/project.ts.
 */

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const CALL_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
export const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const SLOT_NAME = /^[A-Za-z0-9_$-]+$/;

/** Every `__proto__` / `constructor` / `prototype` key anywhere in the file. */
export function findForbiddenKeys(value: unknown, path = '$', out: Diagnostic[] = []): Diagnostic[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findForbiddenKeys(item, jsonPath(path, index), out));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const child = jsonPath(path, key);
      if (FORBIDDEN_KEYS.has(key))
        out.push(
          error('forbidden-key', child, `the key "${key}" is not allowed anywhere in a project (it could alter object prototypes); rename or remove it`),
        );
      else findForbiddenKeys((value as Record<string, unknown>)[key], child, out);
    }
  }
  return out;
}

type Check = (value: unknown, path: string, out: Diagnostic[]) => void;

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;

const invalid = (path: string, expected: string, got: unknown) => error('invalid', path, `expected ${expected}, found ${describe(got)}`);

const isString: Check = (v, p, out) => {
  if (typeof v !== 'string') out.push(invalid(p, 'text', v));
};
const isSchemaObject: Check = (v, p, out) => {
  if (!isPlainObject(v)) out.push(invalid(p, 'a JSON Schema object', v));
};
const isStringList: Check = (v, p, out) => {
  if (!Array.isArray(v)) {
    out.push(invalid(p, 'a list of texts', v));
    return;
  }
  v.forEach((item, i) => isString(item, jsonPath(p, i), out));
};

function field(obj: Record<string, unknown>, key: string, path: string, out: Diagnostic[], check: Check, required: boolean): void {
  if (!(key in obj) || obj[key] === undefined) {
    if (required) out.push(error('invalid', jsonPath(path, key), `"${key}" is required here`));
    return;
  }
  check(obj[key], jsonPath(path, key), out);
}

function listOf(check: Check, what: string): Check {
  return (v, p, out) => {
    if (!Array.isArray(v)) {
      out.push(invalid(p, `a list of ${what}`, v));
      return;
    }
    v.forEach((item, i) => check(item, jsonPath(p, i), out));
  };
}

const checkTool: Check = (v, p, out) => {
  if (!isPlainObject(v)) {
    out.push(invalid(p, 'a tool definition object', v));
    return;
  }
  if (v.type !== 'function') out.push(error('invalid', jsonPath(p, 'type'), `a tool's "type" must be "function", found ${describe(v.type)}`));
  field(
    v,
    'function',
    p,
    out,
    (fn, fp, o) => {
      if (!isPlainObject(fn)) {
        o.push(invalid(fp, 'an object with name, description and parameters', fn));
        return;
      }
      field(
        fn,
        'name',
        fp,
        o,
        (n, np, oo) => {
          if (typeof n !== 'string' || !TOOL_NAME.test(n))
            oo.push(error('invalid', np, `a tool name is 1 to 64 letters, digits, "_" or "-", found ${describe(n)}`));
        },
        true,
      );
      field(fn, 'description', fp, o, isString, false);
      field(
        fn,
        'parameters',
        fp,
        o,
        (s, sp, oo) => {
          if (!isPlainObject(s)) {
            oo.push(invalid(sp, 'an object JSON Schema', s));
            return;
          }
          if (s.type !== undefined && s.type !== 'object')
            oo.push(error('invalid', jsonPath(sp, 'type'), `parameters must be an object schema ("type": "object"), found ${describe(s.type)}`));
          if (s.properties !== undefined && !isPlainObject(s.properties))
            oo.push(invalid(jsonPath(sp, 'properties'), 'an object of parameter schemas', s.properties));
          if (s.required !== undefined) isStringList(s.required, jsonPath(sp, 'required'), oo);
        },
        true,
      );
    },
    true,
  );
  field(v, 'returns', p, out, isSchemaObject, false);
  field(v, 'errors', p, out, isSchemaObject, false);
  field(
    v,
    'effect',
    p,
    out,
    (e, ep, o) => {
      if (!EFFECTS.includes(e as never)) o.push(error('invalid', ep, `effect is one of ${EFFECTS.map((x) => `"${x}"`).join(', ')}, found ${describe(e)}`));
    },
    false,
  );
  field(
    v,
    'latencyMs',
    p,
    out,
    (n, np, o) => {
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) o.push(invalid(np, 'a latency in milliseconds (a number ≥ 0)', n));
    },
    false,
  );
};

/** An id of a call or a chain: the same rule for both (references name them alike). */
const isId =
  (kind: 'call' | 'chain'): Check =>
  (id, ip, o) => {
    if (typeof id !== 'string' || !CALL_ID.test(id))
      o.push(error('invalid', ip, `a ${kind} id starts with a letter or "_" and holds letters, digits, "_" or "-", found ${describe(id)}`));
  };

const checkPosition: Check = (v, p, out) => {
  if (!isPlainObject(v) || typeof v.x !== 'number' || typeof v.y !== 'number' || !Number.isFinite(v.x) || !Number.isFinite(v.y))
    out.push(invalid(p, 'a position {"x": number, "y": number}', v));
};

const checkCall: Check = (v, p, out) => {
  if (!isPlainObject(v)) {
    out.push(invalid(p, 'a call object {"id", "tool", "args"}', v));
    return;
  }
  field(v, 'id', p, out, isId('call'), true);
  field(v, 'tool', p, out, isString, true);
  field(
    v,
    'args',
    p,
    out,
    (a, ap, o) => {
      if (!isPlainObject(a)) o.push(invalid(ap, 'an object of argument values', a));
    },
    false,
  );
  field(v, 'after', p, out, isStringList, false);
  field(v, 'requests', p, out, isStringList, false);
  field(v, 'position', p, out, checkPosition, false);
  field(
    v,
    'forEach',
    p,
    out,
    (f, fp, o) => {
      if (typeof f !== 'string' || !/^\{[^{}]+\}$/.test(f)) o.push(invalid(fp, 'one whole reference to a list, e.g. "{tasks.tasks[*]}"', f));
    },
    false,
  );
  field(
    v,
    'as',
    p,
    out,
    (a, ap, o) => {
      if (typeof a !== 'string' || !SLOT_NAME.test(a)) o.push(invalid(ap, 'an element name of letters, digits, "_", "$" or "-"', a));
    },
    false,
  );
  field(v, 'where', p, out, isCondition, false);
  field(v, 'when', p, out, isCondition, false);
  field(
    v,
    'whenRate',
    p,
    out,
    (r, rp, o) => {
      if (typeof r !== 'number' || !(r >= 0 && r <= 1)) o.push(invalid(rp, 'a share between 0 and 1, e.g. 0.5', r));
    },
    false,
  );
  field(v, 'failure', p, out, (f, fp, o) => checkFailure(f, fp, o), false);
  field(v, 'confirm', p, out, (f, fp, o) => checkConfirm(f, fp, o), false);
  field(v, 'result', p, out, checkResultPins, false);
};

/** `result`: result path → literal, template or `{ "calc": "…" }` (design §8; calls/result.ts checks the meaning). */
const checkResultPins: Check = (v, p, out) => {
  if (!isPlainObject(v)) {
    out.push(invalid(p, 'an object of result pins, e.g. {"total": {"calc": "{hotel.nightly_rate} * {nights}"}}', v));
    return;
  }
  for (const [key, value] of Object.entries(v)) {
    const kp = jsonPath(p, key);
    if (key === '') out.push(error('invalid', kp, 'a result pin needs a result path as its key, e.g. "total" or "booking.status"'));
    if (isPlainObject(value) && 'calc' in value && (typeof value.calc !== 'string' || Object.keys(value).length !== 1)) {
      out.push(invalid(kp, 'a calc {"calc": "…"} with one text of + - * /, parentheses, numbers and references', value));
    }
  }
};

const isCondition: Check = (v, p, out) => {
  out.push(...checkConditionShape(v, p));
};

const isShare =
  (what: string): Check =>
  (r, rp, o) => {
    if (typeof r !== 'number' || !(r >= 0 && r <= 1)) o.push(invalid(rp, `${what}: a share between 0 and 1, e.g. 0.2`, r));
  };

const checkFailure: Check = (v, p, out) => {
  if (!isPlainObject(v)) {
    out.push(invalid(p, 'a failure {"rate", "error", "recover"}', v));
    return;
  }
  field(v, 'rate', p, out, isShare('the failure rate'), true);
  field(
    v,
    'recover',
    p,
    out,
    (r, rp, o) => {
      if (r === 'retry' || r === 'report') return;
      if (isPlainObject(r) && isPlainObject(r.retryWith) && Object.keys(r).length === 1) return;
      o.push(invalid(rp, '"retry", "report" or {"retryWith": {…arguments}}', r));
    },
    false,
  );
};

const checkConfirm: Check = (v, p, out) => {
  if (!isPlainObject(v)) {
    out.push(invalid(p, 'a confirmation {"ask", "yes", "no", "yesRate"}', v));
    return;
  }
  const phrasings: Check = (t, tp, o) => {
    isStringList(t, tp, o);
    if (Array.isArray(t) && t.length === 0) o.push(invalid(tp, 'at least one phrasing', t));
  };
  field(v, 'ask', p, out, phrasings, true);
  field(v, 'yes', p, out, phrasings, true);
  field(v, 'no', p, out, phrasings, true);
  field(v, 'yesRate', p, out, isShare('yesRate'), false);
};

const checkReplyVariant: Check = (v, p, out) => {
  if (!isPlainObject(v)) {
    out.push(invalid(p, 'a reply variant {"when", "text"} or {"when", "texts"}', v));
    return;
  }
  field(v, 'when', p, out, isCondition, false);
  field(v, 'text', p, out, isString, false);
  field(
    v,
    'texts',
    p,
    out,
    (t, tp, o) => {
      isStringList(t, tp, o);
      if (Array.isArray(t) && t.length === 0) o.push(invalid(tp, 'at least one phrasing', t));
    },
    false,
  );
  if (v.text === undefined && v.texts === undefined) out.push(error('invalid', p, 'a reply variant needs "text" (or "texts", several phrasings)'));
  if (v.text !== undefined && v.texts !== undefined) out.push(error('invalid', p, 'a reply variant has "text" or "texts", not both'));
};

const checkReply: Check = (v, p, out) => {
  if (typeof v === 'string') return;
  if (!Array.isArray(v) || v.length === 0) {
    out.push(invalid(p, 'a reply template, or a non-empty list of reply variants', v));
    return;
  }
  v.forEach((item, i) => checkReplyVariant(item, jsonPath(p, i), out));
};

const checkSlots: Check = (v, p, out) => {
  if (!isPlainObject(v)) {
    out.push(invalid(p, 'an object of slots', v));
    return;
  }
  for (const [name, spec] of Object.entries(v)) {
    const sp = jsonPath(p, name);
    if (!SLOT_NAME.test(name))
      out.push(error('invalid', sp, `a slot name holds letters, digits, "_", "$" or "-" (so that {${name}} can refer to it), found "${name}"`));
    if (!isPlainObject(spec)) continue; // a constant
    if ('fake' in spec) {
      if (typeof spec.fake !== 'string') out.push(invalid(jsonPath(sp, 'fake'), 'a faker method path like "person.fullName"', spec.fake));
      if (spec.args !== undefined && !Array.isArray(spec.args)) out.push(invalid(jsonPath(sp, 'args'), 'a list of arguments', spec.args));
      if (spec.as !== undefined && spec.as !== 'date' && spec.as !== 'datetime') out.push(invalid(jsonPath(sp, 'as'), '"date" or "datetime"', spec.as));
    } else if ('oneOf' in spec) {
      if (!Array.isArray(spec.oneOf) || spec.oneOf.length === 0) out.push(invalid(jsonPath(sp, 'oneOf'), 'a non-empty list of values', spec.oneOf));
    } else if ('int' in spec) {
      const r = spec.int;
      if (!Array.isArray(r) || r.length !== 2 || !r.every((n) => Number.isInteger(n)) || (r[0] as number) > (r[1] as number))
        out.push(invalid(jsonPath(sp, 'int'), 'a range [min, max] of two integers with min ≤ max', r));
    }
  }
};

const checkChain: Check = (v, p, out) => {
  if (!isPlainObject(v)) {
    out.push(invalid(p, 'a chain object {"id", "requests", "calls"}', v));
    return;
  }
  field(v, 'id', p, out, isId('chain'), true);
  field(v, 'name', p, out, isString, false);
  field(v, 'requests', p, out, isStringList, false);
  field(v, 'slots', p, out, checkSlots, false);
  field(v, 'calls', p, out, listOf(checkCall, 'calls'), true);
  field(v, 'reply', p, out, checkReply, false);
};

/** Structural diagnostics for a document that claims to be a version-2 project (a version-1 file is migrated first). */
export function checkProjectShape(doc: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  field(doc, 'name', '$', out, isString, true);
  field(doc, 'systemPrompt', '$', out, isString, false);
  field(
    doc,
    'referenceDate',
    '$',
    out,
    (d, dp, o) => {
      if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) o.push(invalid(dp, 'a date "YYYY-MM-DD"', d));
    },
    false,
  );
  field(doc, 'tools', '$', out, listOf(checkTool, 'tool definitions'), true);
  field(doc, 'chains', '$', out, listOf(checkChain, 'chains'), true);
  return out;
}

/** Structural diagnostics of one call (as `checkProjectShape` checks it inside a chain), at `path`. */
export function checkCallShape(call: unknown, path: string): Diagnostic[] {
  const out = findForbiddenKeys(call, path);
  checkCall(call, path, out);
  return out;
}

/** Structural diagnostics of one slot `name: spec` (as inside a chain's `slots`), at `path` (the slots object's). */
export function checkSlotShape(name: string, spec: unknown, path: string): Diagnostic[] {
  const out = findForbiddenKeys(spec, jsonPath(path, name));
  checkSlots({ [name]: spec }, path, out);
  return out;
}
