/**
 * What file an export writes in the browser: one JSONL file for a single-file format without
 * a split; otherwise one zip — a bundle format's files (distil: job_description.json,
 * config.yaml, train.jsonl, test.jsonl), or a split's train.jsonl and test.jsonl.
 */
export interface OutputPlan {
  fileName: string;
  kind: 'jsonl' | 'zip';
  mime: string;
  /** zip: the entry each file's lines go to. */
  entries: { train: string; test: string };
}

/** The project's name as a file name stem: "Room booking & invites" → "room-booking-invites". */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem || 'dataset';
}

export function outputPlan(
  projectName: string,
  format: string,
  layout: { bundle: boolean; split: boolean },
  splitFiles?: { train: string; test: string },
): OutputPlan {
  const stem = `${fileStem(projectName)}.${format}`;
  const entries = splitFiles ?? { train: 'train.jsonl', test: 'test.jsonl' };
  if (layout.bundle || layout.split) return { fileName: `${stem}.zip`, kind: 'zip', mime: 'application/zip', entries };
  return { fileName: `${stem}.jsonl`, kind: 'jsonl', mime: 'application/jsonl', entries };
}
