import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Effect, ToolDef, ToolPatch } from '../../../core/index.ts';
import { useToolActions } from './actions.ts';
import { followRename } from './dialogStore.ts';

const EFFECTS: { value: Effect; label: string }[] = [
  { value: 'read', label: 'read — no side effects' },
  { value: 'write', label: 'write — creates or changes' },
  { value: 'destructive', label: 'destructive — deletes, cannot be undone' },
];

export const DEFAULT_LATENCY_MS = 300;

/**
 * The quick fields of a tool: name (renaming moves every call of it), description, effect and
 * latency. Each applies when it is left (Enter, Tab, or a choice); a refused value stays in
 * its field, marked invalid with the reason, and the tool keeps its definition.
 */
export function QuickFields({ tool, onStatus }: { tool: ToolDef; onStatus: (message: string) => void }) {
  const tools = useToolActions();
  const name = tool.function.name;
  const commitPatch = (patch: ToolPatch, what: string): string | null => {
    const r = tools.patchTool(name, patch);
    if (!r.ok) return r.errors[0]?.message ?? r.reason;
    onStatus(`${what} applied.`);
    return null;
  };
  return (
    <fieldset className="tool-quick">
      <legend className="tool-section-title">Quick fields</legend>
      <TextField
        key={`name-${name}`}
        label="Name"
        initial={name}
        mono
        commit={(to) => {
          if (to === name) return null;
          const r = tools.renameTool(name, to);
          if (!r.ok) return r.errors[0]?.message ?? r.reason;
          followRename(name, to);
          const moved = r.calls.map((c) => `${c.chainId}/${c.callId}`);
          onStatus(
            moved.length
              ? `Renamed to ${to}; ${moved.length} ${moved.length === 1 ? 'call follows' : 'calls follow'}: ${moved.join(', ')}.`
              : `Renamed to ${to}.`,
          );
          return null;
        }}
      />
      <TextField
        key={`description-${name}-${tool.function.description ?? ''}`}
        label="Description"
        initial={tool.function.description ?? ''}
        multiline
        commit={(text) => (text === (tool.function.description ?? '') ? null : commitPatch({ description: text }, 'Description'))}
      />
      <EffectField tool={tool} commit={(effect) => commitPatch({ effect }, 'Effect')} />
      <TextField
        key={`latency-${name}-${tool.latencyMs ?? ''}`}
        label="Latency (ms)"
        initial={tool.latencyMs === undefined ? '' : String(tool.latencyMs)}
        placeholder={`${DEFAULT_LATENCY_MS} (default)`}
        inputMode="numeric"
        commit={(text) => {
          const trimmed = text.trim();
          if (trimmed === (tool.latencyMs === undefined ? '' : String(tool.latencyMs))) return null;
          if (trimmed === '') return commitPatch({ latencyMs: undefined }, 'Latency');
          const ms = Number(trimmed);
          if (!Number.isFinite(ms) || ms < 0) return `latency is a number of milliseconds ≥ 0, found "${trimmed}"`;
          return commitPatch({ latencyMs: ms }, 'Latency');
        }}
      />
    </fieldset>
  );
}

interface TextFieldProps {
  label: string;
  initial: string;
  commit: (value: string) => string | null;
  multiline?: boolean;
  mono?: boolean;
  placeholder?: string;
  inputMode?: 'numeric';
}

function TextField({ label, initial, commit, multiline, mono, placeholder, inputMode }: TextFieldProps) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const apply = () => setError(commit(value));
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      apply();
    } else if (event.key === 'Escape' && value !== initial) {
      event.preventDefault();
      event.stopPropagation();
      setValue(initial);
      setError(null);
    }
  };
  const common = {
    id,
    value,
    placeholder,
    className: `input${multiline ? ' textarea' : ''}${mono ? ' input-mono' : ''}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onBlur: apply,
    onKeyDown,
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? <textarea {...common} rows={4} /> : <input {...common} type="text" inputMode={inputMode} autoComplete="off" spellCheck={false} />}
      {error && (
        <span id={`${id}-error`} className="field-hint" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function EffectField({ tool, commit }: { tool: ToolDef; commit: (effect: Effect) => string | null }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Effect
      </label>
      <select id={id} className="select" value={tool.effect ?? 'read'} onChange={(e) => setError(commit(e.target.value as Effect))}>
        {EFFECTS.map((e) => (
          <option key={e.value} value={e.value}>
            {e.label}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-hint" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
