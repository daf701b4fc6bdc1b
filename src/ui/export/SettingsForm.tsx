import { useId, type ReactNode } from 'react';
import type { Project } from '../../core/index.ts';
import { FORMATS, PATTERN_LABELS, type ChainSummary } from '../../core/generation.ts';
import { chainCountText, type ExportSettings, type FieldProblem, type SettingsField } from './settings.ts';

type Update = (patch: Partial<ExportSettings>) => void;

interface FormProps {
  project: Project;
  settings: ExportSettings;
  problems: FieldProblem[];
  chains: ChainSummary[] | undefined;
  update: Update;
}

function problemOf(problems: FieldProblem[], field: SettingsField): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}

function NumberField({
  label,
  value,
  onChange,
  problem,
  className,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  className?: string;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="export-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={`input ${className ?? ''}`}
        inputMode="numeric"
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint}
      {problem && (
        <span id={`${id}-problem`} className="field-hint">
          {problem}
        </span>
      )}
    </div>
  );
}

function Check({
  label,
  checked,
  onChange,
  note,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  note?: string;
  disabled?: boolean;
}) {
  return (
    <label className="export-check">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        {note && <span className="export-muted"> — {note}</span>}
      </span>
    </label>
  );
}

/** Which chains and how many examples: a total spread by the mix, or a count per chain. */
function ExamplesFieldset({ project, settings, problems, chains, update }: FormProps) {
  const patternOf = (id: string) => {
    const pattern = chains?.find((c) => c.chainId === id)?.pattern;
    return pattern && PATTERN_LABELS[pattern].toLowerCase();
  };
  return (
    <fieldset className="export-fieldset">
      <legend>Examples</legend>
      <div className="export-radios" role="radiogroup" aria-label="How many examples">
        <label>
          <input type="radio" name="export-mode" checked={settings.mode === 'mix'} onChange={() => update({ mode: 'mix' })} /> A total, mixed by pattern
        </label>
        <label>
          <input type="radio" name="export-mode" checked={settings.mode === 'counts'} onChange={() => update({ mode: 'counts' })} /> A count per chain
        </label>
      </div>
      {settings.mode === 'mix' ? (
        <>
          <NumberField
            label="Total examples"
            className="input-count"
            value={settings.total}
            problem={problemOf(problems, 'total')}
            onChange={(total) => update({ total })}
          />
          <ul className="export-chain-list" aria-label="Chains to draw from">
            {project.chains.map((c) => (
              <li key={c.id}>
                <Check
                  label={c.name ? `${c.name} (${c.id})` : c.id}
                  note={patternOf(c.id)}
                  checked={!settings.excluded.includes(c.id)}
                  onChange={(on) => update({ excluded: on ? settings.excluded.filter((x) => x !== c.id) : [...settings.excluded, c.id] })}
                />
              </li>
            ))}
          </ul>
          {problemOf(problems, 'chains') && <p className="field-hint">{problemOf(problems, 'chains')}</p>}
        </>
      ) : (
        <ul className="export-chain-list export-counts" aria-label="Examples per chain">
          {project.chains.map((c) => (
            <li key={c.id}>
              <NumberField
                label={c.name ? `${c.name} (${c.id})` : c.id}
                className="input-count"
                value={chainCountText(settings, c.id)}
                problem={problemOf(problems, `count:${c.id}`)}
                onChange={(v) => update({ counts: { ...settings.counts, [c.id]: v } })}
                hint={patternOf(c.id) && <span className="export-muted">{patternOf(c.id)}</span>}
              />
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function FormatFieldset({ settings, update }: FormProps) {
  const id = useId();
  const format = FORMATS.find((f) => f.id === settings.format);
  return (
    <fieldset className="export-fieldset">
      <legend>File</legend>
      <div className="export-field">
        <label htmlFor={id}>Format</label>
        <select id={id} className="select" value={settings.format} aria-describedby={`${id}-description`} onChange={(e) => update({ format: e.target.value })}>
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.id} — {f.label}
            </option>
          ))}
        </select>
        <p id={`${id}-description`} className="export-muted">
          {format?.description}
        </p>
      </div>
    </fieldset>
  );
}

function SplitFieldset({ settings, problems, update }: FormProps) {
  const id = useId();
  return (
    <fieldset className="export-fieldset">
      <legend>Train/test split</legend>
      <Check label="Hold out a test set" checked={settings.split} onChange={(split) => update({ split })} />
      {settings.split && (
        <div className="export-row">
          <NumberField
            label="Test share"
            className="input-count"
            value={settings.fraction}
            problem={problemOf(problems, 'fraction')}
            onChange={(fraction) => update({ fraction })}
          />
          <div className="export-field">
            <label htmlFor={id}>Split by</label>
            <select
              id={id}
              className="select select-narrow"
              value={settings.splitBy}
              onChange={(e) => update({ splitBy: e.target.value === 'slot' ? 'slot' : 'template' })}
            >
              <option value="template">request template</option>
              <option value="slot">slot value</option>
            </select>
          </div>
        </div>
      )}
    </fieldset>
  );
}

function OptionsFieldset({ settings, update }: FormProps) {
  const forced = FORMATS.find((f) => f.id === settings.format)?.needsSerializedTurns === true;
  return (
    <fieldset className="export-fieldset">
      <legend>Options</legend>
      <Check
        label="Serialise parallel turns"
        note={forced ? `always for ${settings.format}` : 'one call per assistant turn'}
        checked={settings.serializeParallel || forced}
        disabled={forced}
        onChange={(serializeParallel) => update({ serializeParallel })}
      />
      <Check label="System prompt" checked={settings.includeSystem} onChange={(includeSystem) => update({ includeSystem })} />
      <Check label="Tools on every line" checked={settings.includeTools} onChange={(includeTools) => update({ includeTools })} />
      <Check
        label="Unique requests"
        note="no two examples share a first user message"
        checked={settings.uniqueRequests}
        onChange={(uniqueRequests) => update({ uniqueRequests })}
      />
    </fieldset>
  );
}

/** The export's settings. Seed: the same settings and seed give the same file, byte for byte. */
export function SettingsForm(props: FormProps & { disabled: boolean }) {
  const { settings, problems, update, disabled } = props;
  return (
    <fieldset className="export-settings" disabled={disabled}>
      <legend className="visually-hidden">Settings</legend>
      <ExamplesFieldset {...props} />
      <FormatFieldset {...props} />
      <div className="export-fieldset export-seed">
        <NumberField label="Seed" className="input-seed" value={settings.seed} problem={problemOf(problems, 'seed')} onChange={(seed) => update({ seed })} />
      </div>
      <SplitFieldset {...props} />
      <OptionsFieldset {...props} />
    </fieldset>
  );
}
