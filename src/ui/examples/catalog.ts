/**
 * The bundled examples (public/examples/*.chain.json), fetched from the page's own origin by
 * relative URL so the app works under any base path. A static site cannot list a folder, so
 * the list is kept here; a unit test checks it against the folder.
 */
export interface ExampleEntry {
  file: string;
  title: string;
  summary: string;
}

export const EXAMPLES_DIR = './examples/';

export const EXAMPLES: readonly ExampleEntry[] = [
  {
    file: 'room-booking.chain.json',
    title: 'Room booking and invites',
    summary: 'Two parallel reads, then a booking that uses a room id, then invites to every team member.',
  },
  { file: 'q4-planning.chain.json', title: 'Quarterly planning', summary: 'One create, then three creates in parallel that use its id.' },
  { file: 'tasks-and-calendar.chain.json', title: 'Tasks and calendar', summary: 'Two independent reads in one parallel turn.' },
  { file: 'incident-response.chain.json', title: 'Incident response', summary: 'Four turns, with an order-only dependency (drawn dashed).' },
  { file: 'file-system.chain.json', title: 'File system navigation', summary: 'Multi-turn: a user request before every call.' },
  { file: 'trip-planning.chain.json', title: 'Trip planning', summary: 'Several chains over flight, hotel and weather tools.' },
  {
    file: 'task-reminders.chain.json',
    title: 'Task reminders',
    summary: 'A loop: one reminder per task that passes a filter, all in one parallel turn; zero when none is high priority.',
  },
  { file: 'meeting-prep.chain.json', title: 'Meeting prep', summary: 'A condition: a prep task only when tomorrow has meetings, and a reply for each branch.' },
  {
    file: 'room-booking-retry.chain.json',
    title: 'Room booking with a retry',
    summary: 'A failure and its recovery: the first room is taken in 20 % of the examples, and the booking is retried with the next room.',
  },
  {
    file: 'archive-cleanup.chain.json',
    title: 'Archive cleanup',
    summary: 'A confirmation before deleting: the assistant asks once for the whole list, and the user says yes or no.',
  },
  {
    file: 'sales-report.chain.json',
    title: 'Weekly sales report',
    summary: 'A failure reported, not retried: the dashboard update fails, the post that needs it does not run, the email still goes out.',
  },
  {
    file: 'project-departments.chain.json',
    title: 'Project departments',
    summary: 'A loop over a list the user gives: one project, then one task per named department (1 to 5), all in one parallel turn.',
  },
];

/** The example a first visit opens. */
export const FIRST_VISIT_EXAMPLE = EXAMPLES[0];

export const exampleUrl = (entry: ExampleEntry): string => `${EXAMPLES_DIR}${entry.file}`;
