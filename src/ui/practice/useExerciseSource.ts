import { useEffect, useMemo, useState } from 'react';
import { parseProject } from '../../core/index.ts';
import { makeExercise } from '../../core/generation.ts';
import type { Project } from '../../core/index.ts';
import type { Exercise } from '../../core/generation.ts';
import { useAppStore } from '../../state/store.ts';
import { EXERCISES, exerciseUrl } from './exerciseCatalog.ts';

/** Where an exercise comes from: a bundled file, or the chain on the canvas. */
export type ExerciseSource = { kind: 'bundled'; id: string } | { kind: 'design' };

export type LoadedExercise =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; id: string; exercise: Exercise; project: Project };

/** Bundled exercise files already fetched and parsed (they never change while the page is open). */
const loaded = new Map<string, Project>();

async function loadBundled(id: string): Promise<Project> {
  const known = loaded.get(id);
  if (known) return known;
  const entry = EXERCISES.find((e) => e.id === id);
  if (!entry) throw new Error(`there is no exercise "${id}"`);
  const response = await fetch(exerciseUrl(entry), { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  const parsed = parseProject(await response.text());
  if (!parsed.ok) throw new Error(`${entry.file} cannot be read: ${parsed.error.message}`);
  loaded.set(id, parsed.project);
  return parsed.project;
}

/** The exercise of a source: fetched from the page's own origin, or made from the current design. */
export function useExerciseSource(source: ExerciseSource): LoadedExercise {
  const project = useAppStore((s) => s.project);
  const chainId = useAppStore((s) => s.chainId);
  const bundledId = source.kind === 'bundled' ? source.id : null;
  const [fetched, setFetched] = useState<{ id: string; project: Project } | { id: string; error: string } | null>(null);

  useEffect(() => {
    if (bundledId === null) return;
    let cancelled = false;
    loadBundled(bundledId).then(
      (p) => !cancelled && setFetched({ id: bundledId, project: p }),
      (e: unknown) => !cancelled && setFetched({ id: bundledId, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [bundledId]);

  return useMemo((): LoadedExercise => {
    if (bundledId === null) {
      if (chainId === null) return { status: 'error', message: 'The design has no chain to practise on.' };
      const made = makeExercise(project, chainId);
      if (!made.ok) return { status: 'error', message: `This design cannot be practised: ${made.reason}.` };
      return { status: 'ready', id: `design:${chainId}`, exercise: made.exercise, project };
    }
    const known = loaded.get(bundledId);
    const p = known ?? (fetched && fetched.id === bundledId && 'project' in fetched ? fetched.project : null);
    if (p) {
      const entry = EXERCISES.find((e) => e.id === bundledId);
      const made = makeExercise(p, p.chains[0].id, entry ? { title: entry.title } : {});
      if (!made.ok) return { status: 'error', message: `This exercise cannot be practised: ${made.reason}.` };
      return { status: 'ready', id: bundledId, exercise: made.exercise, project: p };
    }
    if (fetched && fetched.id === bundledId && 'error' in fetched) return { status: 'error', message: `Could not load the exercise: ${fetched.error}` };
    return { status: 'loading' };
  }, [bundledId, fetched, project, chainId]);
}
