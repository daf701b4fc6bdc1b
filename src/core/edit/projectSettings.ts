import type { Project } from '../project/types.ts';
import { edited, refused, type EditResult } from './types.ts';

/** The project-wide settings edited in the settings panel (docs/project-format.md §3). */
export interface ProjectSettingsPatch {
  /** The project's name (files are named from it); must not be blank. */
  name?: string;
  /** The system message of every conversation; blank removes it. */
  systemPrompt?: string;
  /** "Today" of the simulated world, `YYYY-MM-DD`; blank removes it (the default applies). */
  referenceDate?: string;
}

/** Why `text` is not a reference date (a real calendar date written `YYYY-MM-DD`), or null. */
export function referenceDateProblem(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return `the reference date "${text}" is not written YYYY-MM-DD`;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) return `the reference date "${text}" is not a calendar date`;
  return null;
}

/** Changes the project's name, system prompt and/or reference date. Unchanged input gives the same project back. */
export function setProjectSettings(project: Project, patch: ProjectSettingsPatch): EditResult {
  const next: Project = { ...project };
  if (patch.name !== undefined) {
    if (!patch.name.trim()) return refused('the project needs a name: files are named from it');
    next.name = patch.name;
  }
  if (patch.systemPrompt !== undefined) {
    if (patch.systemPrompt.trim()) next.systemPrompt = patch.systemPrompt;
    else delete next.systemPrompt;
  }
  if (patch.referenceDate !== undefined) {
    const date = patch.referenceDate.trim();
    if (date) {
      const problem = referenceDateProblem(date);
      if (problem) return refused(problem);
      next.referenceDate = date;
    } else delete next.referenceDate;
  }
  const same = next.name === project.name && next.systemPrompt === project.systemPrompt && next.referenceDate === project.referenceDate;
  return edited(same ? project : next);
}
