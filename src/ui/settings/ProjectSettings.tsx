import { useId } from 'react';
import { DEFAULT_REFERENCE_DATE } from '../../core/index.ts';
import { useAppStoreApi, useAppStore } from '../../state/store.ts';
import type { ProjectSettingsPatch } from '../../core/index.ts';
import { ModalDialog } from '../dialog/ModalDialog.tsx';
import { useDraft } from '../inspector/useDraft.ts';
import './settings.css';

/**
 * The project's own settings, each edited in place and committed as it is typed (one undo
 * step per pause, kept by a reload like every other field): name, system prompt, reference
 * date. A tool's default result is not a project setting: the format gives `{ "ok": true }`
 * to a tool without `returns`, and the panel says so.
 */
export function ProjectSettingsPanel() {
  const store = useAppStoreApi();
  const set = (patch: ProjectSettingsPatch) => store.getState().setProjectSettings(patch);
  const name = useAppStore((s) => s.project.name);
  const fileName = useAppStore((s) => s.fileName);
  const systemPrompt = useAppStore((s) => s.project.systemPrompt ?? '');
  const referenceDate = useAppStore((s) => s.project.referenceDate ?? '');
  const ids = useId();
  const [nameDraft, setNameDraft, commitName] = useDraft(name, { commit: (text) => text.trim() && set({ name: text }) });
  const [promptDraft, setPromptDraft, commitPrompt] = useDraft(systemPrompt, { commit: (text) => set({ systemPrompt: text }) });
  const [dateDraft, setDateDraft, commitDate] = useDraft(referenceDate, { commit: (text) => set({ referenceDate: text }) });
  const blankName = !nameDraft.trim();

  return (
    <div className="project-settings">
      <div className="settings-field">
        <label className="field-label" htmlFor={`${ids}-name`}>
          Name
        </label>
        <input
          id={`${ids}-name`}
          className="input"
          value={nameDraft}
          aria-invalid={blankName}
          aria-describedby={`${ids}-name-note`}
          onChange={(e) => setNameDraft(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => e.key === 'Enter' && commitName()}
        />
        <p id={`${ids}-name-note`} className={blankName ? 'field-hint' : 'muted field-note'} role={blankName ? 'alert' : undefined}>
          {blankName ? 'The project needs a name: files are named from it.' : <>Files are named from it: {fileName}, and exports.</>}
        </p>
      </div>

      <div className="settings-field">
        <label className="field-label" htmlFor={`${ids}-prompt`}>
          System prompt
        </label>
        <textarea
          id={`${ids}-prompt`}
          className="input textarea"
          rows={6}
          value={promptDraft}
          spellCheck
          placeholder="You are an assistant that… (empty: conversations have no system message)"
          aria-describedby={`${ids}-prompt-note`}
          onChange={(e) => setPromptDraft(e.target.value)}
          onBlur={commitPrompt}
        />
        <p id={`${ids}-prompt-note`} className="muted field-note">
          The system message of every generated conversation. <code>chainwright distil</code> needs one.
        </p>
      </div>

      <div className="settings-field">
        <label className="field-label" htmlFor={`${ids}-date`}>
          Reference date
        </label>
        <input
          id={`${ids}-date`}
          type="date"
          className="input input-date"
          value={dateDraft}
          aria-describedby={`${ids}-date-note`}
          onChange={(e) => setDateDraft(e.target.value)}
          onBlur={commitDate}
        />
        <p id={`${ids}-date-note`} className="muted field-note">
          “Today” in the simulated world: dates in results and Faker slots are near it, so output stays reproducible.{' '}
          {referenceDate ? '' : `Empty: ${DEFAULT_REFERENCE_DATE}.`}
        </p>
      </div>

      <div className="settings-field">
        <h3 className="field-label">Tool results</h3>
        <p className="muted field-note">
          A tool without a <code>returns</code> schema gives <code>{'{ "ok": true }'}</code> as its result. This is fixed by the project format (there is no
          project-wide setting for it): give a tool a <code>returns</code> schema in the tool library to shape its results.
        </p>
      </div>
    </div>
  );
}

/** "Project" in the header: the settings panel as a dialog. */
export function ProjectSettingsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Project settings" className="project-settings-dialog" onClose={onClose}>
      <ProjectSettingsPanel />
    </ModalDialog>
  );
}
