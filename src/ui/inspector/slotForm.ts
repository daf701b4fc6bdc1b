import { SLOT_FAKER_METHODS, isFakeSlot, isIntSlot, isOneOfSlot, slotMethodFor } from '../../core/index.ts';
import type { JsonValue, SlotSpec } from '../../core/index.ts';

/** A slot as the inspector's form edits it: one text field (or two) per kind. */
export type SlotForm =
  | { kind: 'fake'; method: string; args: string; as: '' | 'date' | 'datetime' }
  | { kind: 'oneOf'; values: string }
  | { kind: 'int'; min: string; max: string }
  | { kind: 'constant'; json: string };

export const SLOT_KINDS: { kind: SlotForm['kind']; label: string }[] = [
  { kind: 'fake', label: 'Faker method' },
  { kind: 'oneOf', label: 'One of a list' },
  { kind: 'int', label: 'Integer range' },
  { kind: 'constant', label: 'Constant' },
];

/** The form of a slot spec. One-of values are one per line: plain text for strings, JSON otherwise. */
export function slotToForm(spec: SlotSpec): SlotForm {
  if (isFakeSlot(spec)) return { kind: 'fake', method: spec.fake, args: spec.args ? JSON.stringify(spec.args) : '', as: spec.as ?? '' };
  if (isOneOfSlot(spec))
    return { kind: 'oneOf', values: spec.oneOf.map((v) => (typeof v === 'string' && !looksLikeJson(v) ? v : JSON.stringify(v))).join('\n') };
  if (isIntSlot(spec)) return { kind: 'int', min: String(spec.int[0]), max: String(spec.int[1]) };
  return { kind: 'constant', json: JSON.stringify(spec) };
}

const KNOWN_METHODS: ReadonlySet<string> = new Set(SLOT_FAKER_METHODS);

/** A fresh form of a kind; a Faker slot starts with the method its name suggests (`date` → a date, `city` → location.city). */
export function emptyForm(kind: SlotForm['kind'], slotName = ''): SlotForm {
  switch (kind) {
    case 'fake': {
      const { method, as } = slotMethodFor(slotName);
      return { kind, method, args: '', as: as ?? '' };
    }
    case 'oneOf':
      return { kind, values: 'first\nsecond' };
    case 'int':
      return { kind, min: '1', max: '10' };
    case 'constant':
      return { kind, json: '"value"' };
  }
}

/** The slot spec a form describes, or what is wrong with it (the store and the core check it again). */
export function formToSlot(form: SlotForm): { ok: true; spec: SlotSpec } | { ok: false; message: string } {
  switch (form.kind) {
    case 'fake': {
      const method = form.method.trim();
      if (!/^[A-Za-z]+\.[A-Za-z]+$/.test(method)) return { ok: false, message: 'a Faker method is written module.method, e.g. person.fullName' };
      if (!KNOWN_METHODS.has(method)) return { ok: false, message: `"${method}" is not a method of the installed Faker: pick one from the list` };
      const spec: { fake: string; args?: JsonValue[]; as?: 'date' | 'datetime' } = { fake: method };
      if (form.args.trim()) {
        const args = parseJson(form.args);
        if (!args.ok || !Array.isArray(args.value)) return { ok: false, message: 'arguments are a JSON list, e.g. [{ "days": 14 }]' };
        spec.args = args.value;
      }
      if (form.as) spec.as = form.as;
      return { ok: true, spec };
    }
    case 'oneOf': {
      const lines = form.values
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      if (lines.length === 0) return { ok: false, message: 'give at least one value, one per line' };
      return { ok: true, spec: { oneOf: lines.map((l) => (looksLikeJson(l) ? (parseJson(l) as { ok: true; value: JsonValue }).value : l)) } };
    }
    case 'int': {
      const min = Number(form.min);
      const max = Number(form.max);
      if (!Number.isInteger(min) || !Number.isInteger(max) || form.min.trim() === '' || form.max.trim() === '')
        return { ok: false, message: 'both ends are whole numbers' };
      if (min > max) return { ok: false, message: `the lowest (${min}) is above the highest (${max})` };
      return { ok: true, spec: { int: [min, max] } };
    }
    case 'constant': {
      const parsed = parseJson(form.json);
      if (!parsed.ok) return { ok: false, message: 'a constant is a JSON value, e.g. "Paris" or 3' };
      return { ok: true, spec: parsed.value };
    }
  }
}

function parseJson(text: string): { ok: true; value: JsonValue } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    return { ok: false };
  }
}

/** Text that reads as a JSON number, boolean, null, object, array or quoted string. */
function looksLikeJson(text: string): boolean {
  if (!/^(-?\d|true$|false$|null$|[[{"])/.test(text)) return false;
  return parseJson(text).ok;
}

/** A form written as JSON (a held draft, drafts.ts), or null when the text is not one (missing, another shape). */
export function slotFormFromText(text: string | undefined): SlotForm | null {
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const strings = (...keys: string[]) => keys.every((k) => typeof v[k] === 'string');
  switch (v.kind) {
    case 'fake':
      return strings('method', 'args') && (v.as === '' || v.as === 'date' || v.as === 'datetime') ? (v as SlotForm) : null;
    case 'oneOf':
      return strings('values') ? (v as SlotForm) : null;
    case 'int':
      return strings('min', 'max') ? (v as SlotForm) : null;
    case 'constant':
      return strings('json') ? (v as SlotForm) : null;
    default:
      return null;
  }
}
