/**
 * The bundled exercises (public/exercises/*.chain.json, format-2 project files), fetched from
 * the page's own origin by relative URL, as the examples are. A static site cannot list a
 * folder, so the list is kept here; a unit test checks it against the folder. They go from the
 * seed lesson's room booking through each pattern to a mixed one.
 */
export type Pattern = 'sequential' | 'parallel' | 'conditional' | 'loop' | 'mixed';

export interface ExerciseEntry {
  /** The id progress is kept under. */
  id: string;
  file: string;
  title: string;
  pattern: Pattern;
  summary: string;
}

export const EXERCISES_DIR = './exercises/';

export const EXERCISES: readonly ExerciseEntry[] = [
  {
    id: 'room-booking',
    file: 'room-booking.chain.json',
    title: 'Book a room and invite the marketing team',
    pattern: 'mixed',
    summary: 'The seed lesson: two lookups, a booking that needs a room, invites that need the booking and the team.',
  },
  {
    id: 'q4-project',
    file: 'q4-project.chain.json',
    title: 'Create a project, a task in it and a reminder',
    pattern: 'sequential',
    summary: 'Each call needs the id the one before returned.',
  },
  {
    id: 'morning-overview',
    file: 'morning-overview.chain.json',
    title: 'Tasks, calendar and email at once',
    pattern: 'parallel',
    summary: 'Three lookups that need nothing from each other.',
  },
  {
    id: 'meeting-prep',
    file: 'meeting-prep.chain.json',
    title: 'A prep task only if there are meetings',
    pattern: 'conditional',
    summary: 'A call that runs only when a result says so.',
  },
  {
    id: 'task-reminders',
    file: 'task-reminders.chain.json',
    title: 'A reminder for each high-priority task',
    pattern: 'loop',
    summary: 'One call per element of a list that passes a filter.',
  },
  {
    id: 'overdue-report',
    file: 'overdue-report.chain.json',
    title: 'Flag overdue tasks and tell the manager',
    pattern: 'mixed',
    summary: 'A loop with a filter, a call that needs the whole flagged list, and a condition.',
  },
];

export const exerciseUrl = (entry: ExerciseEntry): string => `${EXERCISES_DIR}${entry.file}`;

/** The id of the exercise made from the design on the canvas (progress per chain). */
export const designExerciseId = (chainId: string): string => `design:${chainId}`;
