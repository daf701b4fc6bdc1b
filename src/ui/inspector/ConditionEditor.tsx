import { useCallback, useId, useMemo } from 'react';
import { describeCondition, typedReference } from '../../core/index.ts';
import type { Condition, JsonValue, ReferenceScope, ValueOption } from '../../core/index.ts';
import { useAppStoreApi, makeSelectValueOptions, useAppStore } from '../../state/store.ts';
import {
  conditionKind,
  convertCondition,
  defaultTest,
  KIND_CHOICES,
  operandOf,
  operandText,
  operandValue,
  OPERATOR_CHOICES,
  operatorChoice,
  takesList,
  takesOperand,
  withOperand,
  withOperator,
  withValue,
  type ConditionKind,
  type OperatorChoice,
} from './conditionForm.ts';
import { ReferencePicker, type TypedCheck } from './ReferencePicker.tsx';
import { ReferenceSteps } from './ReferenceSteps.tsx';
import { useHeldDraft } from './useHeldDraft.ts';

interface Props {
  /** The editor's name, and the prefix of its controls' names ("Filter", "Only if", "Variant 2 condition"). */
  name: string;
  condition: Condition | undefined;
  /** One edit, one call (undefined removes the condition). */
  onChange: (next: Condition | undefined) => void;
  scope: ReferenceScope;
  /** The calls `ran` / `failed` / `declined` may name. */
  callIds: readonly string[];
  /** The add button's text ("Add a filter"). */
  addText: string;
  /** The remove button's text ("Remove the filter"). */
  removeText?: string;
  /** Leave out the remove button (the caller has its own). */
  noRemove?: boolean;
}

interface NodeContext {
  options: readonly ValueOption[];
  scope: ReferenceScope;
  callIds: readonly string[];
  typed: TypedCheck;
  fallback: () => Condition;
}

/**
 * A condition (project format §11) as nested controls: a test is a value picked from what
 * the scope may read (with the list step it takes), an operator and an operand (with the
 * values the schema lists offered); groups are "all of" / "any of" lists of parts, "not"
 * wraps one; "a call ran / failed / was declined" names a call. Every control is a native
 * select, input or button with a name, so the whole editor works from the keyboard. Each
 * change writes the whole condition once (one undo step); every condition written has the
 * shape the file reader accepts.
 */
export function ConditionEditor({ name, condition, onChange, scope, callIds, addText, removeText, noRemove }: Props) {
  const store = useAppStoreApi();
  const selector = useMemo(() => makeSelectValueOptions(scope), [scope]);
  const options = useAppStore(selector);
  const typed = useCallback<TypedCheck>(
    (text) => {
      const s = store.getState();
      return s.chainId ? typedReference(s.project, s.chainId, text, scope) : { ok: false, problem: 'no chain' };
    },
    [store, scope],
  );
  const ctx = useMemo<NodeContext>(() => ({ options, scope, callIds, typed, fallback: () => defaultTest(options) }), [options, scope, callIds, typed]);

  if (condition === undefined) {
    return (
      <div className="condition-editor is-empty">
        <button type="button" className="button button-small" onClick={() => onChange(defaultTest(options))}>
          {addText}
        </button>
      </div>
    );
  }
  return (
    <div className="condition-editor">
      <p className="condition-words" aria-live="polite">
        <span className="visually-hidden">{name}: </span>
        {describeCondition(condition)}
      </p>
      <ConditionNode cond={condition} name={name} onChange={onChange} ctx={ctx} depth={0} />
      {!noRemove && (
        <button type="button" className="link-button condition-remove" onClick={() => onChange(undefined)}>
          {removeText ?? `Remove ${name}`}
        </button>
      )}
    </div>
  );
}

function ConditionNode({
  cond,
  name,
  onChange,
  ctx,
  depth,
  onRemove,
}: {
  cond: Condition;
  name: string;
  onChange: (next: Condition) => void;
  ctx: NodeContext;
  depth: number;
  onRemove?: () => void;
}) {
  const kind = conditionKind(cond);
  const record = cond as Record<string, unknown>;
  const kindId = useId();
  return (
    <div role="group" aria-label={name} className={`condition-node condition-${kind} depth-${Math.min(depth, 3)}`}>
      <div className="condition-head">
        <label htmlFor={kindId} className="visually-hidden">
          {`${name}: kind`}
        </label>
        <select
          id={kindId}
          className="select select-small condition-kind"
          value={kind}
          onChange={(e) => onChange(convertCondition(cond, e.target.value as ConditionKind, ctx.fallback, ctx.callIds[0] ?? ''))}
        >
          {KIND_CHOICES.filter((k) => ctx.callIds.length > 0 || !['ran', 'failed', 'declined'].includes(k.kind)).map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        {onRemove && (
          <button type="button" className="link-button" aria-label={`Remove ${name}`} onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      {kind === 'test' && <TestRow test={cond} name={name} onChange={onChange} ctx={ctx} />}
      {(kind === 'all' || kind === 'any') && (
        <GroupRows list={record[kind] as Condition[]} kind={kind} name={name} onChange={onChange} ctx={ctx} depth={depth} />
      )}
      {kind === 'not' && (
        <ConditionNode cond={record.not as Condition} name={`${name}, negated`} onChange={(next) => onChange({ not: next })} ctx={ctx} depth={depth + 1} />
      )}
      {(kind === 'ran' || kind === 'failed' || kind === 'declined') && (
        <select
          className="select select-small"
          aria-label={`${name}: call`}
          value={record[kind] as string}
          onChange={(e) => onChange({ [kind]: e.target.value } as Condition)}
        >
          {!ctx.callIds.includes(record[kind] as string) && <option value={record[kind] as string}>{String(record[kind])} (not a call)</option>}
          {ctx.callIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function GroupRows({
  list,
  kind,
  name,
  onChange,
  ctx,
  depth,
}: {
  list: Condition[];
  kind: 'all' | 'any';
  name: string;
  onChange: (next: Condition) => void;
  ctx: NodeContext;
  depth: number;
}) {
  const set = (next: Condition[]) => onChange(next.length ? ({ [kind]: next } as Condition) : ctx.fallback());
  return (
    <div className="condition-group">
      {list.map((child, i) => (
        <ConditionNode
          key={i}
          cond={child}
          name={`${name}, part ${i + 1}`}
          depth={depth + 1}
          ctx={ctx}
          onChange={(next) => set(list.map((c, j) => (j === i ? next : c)))}
          onRemove={() => set(list.filter((_, j) => j !== i))}
        />
      ))}
      <div className="condition-add">
        <button type="button" className="button button-small" aria-label={`Add a test to ${name}`} onClick={() => set([...list, ctx.fallback()])}>
          + Test
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={`Add a group to ${name}`}
          onClick={() => set([...list, { [kind === 'all' ? 'any' : 'all']: [ctx.fallback()] } as Condition])}
        >
          + Group
        </button>
      </div>
    </div>
  );
}

function TestRow({ test, name, onChange, ctx }: { test: Condition; name: string; onChange: (next: Condition) => void; ctx: NodeContext }) {
  const value = (test as { value: JsonValue }).value;
  const valueText = typeof value === 'string' ? value : JSON.stringify(value);
  const option = ctx.options.find((o) => o.reference === valueText);
  const choice = operatorChoice(test);
  const types = option?.types ?? [];
  return (
    <div className="condition-test">
      <div className="condition-value">
        <ReferencePicker
          label={`${name}: value`}
          listLabel={`Values for ${name}`}
          options={ctx.options}
          current={valueText}
          onPick={(reference) => onChange(withValue(test, reference))}
          typed={ctx.typed}
          placeholder="Pick or type a value…"
          emptyText="Nothing to test here yet: no call before this one has a result."
          noun="value"
        />
        <ReferenceSteps reference={valueText} scope={ctx.scope} name={`${name}: value`} onChange={(reference) => onChange(withValue(test, reference))} />
      </div>
      <div className="condition-compare">
        <select
          className="select select-small"
          aria-label={`${name}: operator`}
          value={choice}
          onChange={(e) => onChange(withOperator(test, e.target.value as OperatorChoice))}
        >
          {OPERATOR_CHOICES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {takesOperand(choice) && <OperandField test={test} name={name} values={option?.values} types={types} list={takesList(choice)} onChange={onChange} />}
      </div>
    </div>
  );
}

function OperandField({
  test,
  name,
  values,
  types,
  list,
  onChange,
}: {
  test: Condition;
  name: string;
  values?: JsonValue[];
  types: readonly string[];
  list: boolean;
  onChange: (next: Condition) => void;
}) {
  const listId = useId();
  const text = operandText(operandOf(test));
  // Committed on blur, Enter, or when the page or this call is left (not as it is typed: "a, b," is read as a list once done).
  const { draft, setDraft, commit, revert } = useHeldDraft(text, {
    apply: (typed) => {
      onChange(withOperand(test, operandValue(typed, types, list)));
      return null;
    },
  });
  return (
    <>
      <input
        className="input condition-operand"
        aria-label={`${name}: compared with`}
        value={draft}
        list={values?.length ? listId : undefined}
        placeholder={list ? 'a, b, c' : values?.length ? operandText(values[0]) : 'a value or {reference}'}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') revert();
        }}
      />
      {values?.length ? (
        <datalist id={listId}>
          {values.map((v) => (
            <option key={JSON.stringify(v)} value={operandText(v)} />
          ))}
        </datalist>
      ) : null}
      {values?.length ? (
        <span className="condition-values muted" aria-label={`Values of ${name}`}>
          {values.map((v) => operandText(v)).join(' · ')}
        </span>
      ) : null}
    </>
  );
}
