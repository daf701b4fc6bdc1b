import { unzipSync } from 'fflate';
import type { OpenAITool } from '../core/index.ts';
import { detectLineFormat, formatById, lineChecker, MAX_LISTED_LINES } from '../core/generation.ts';
import { lineSplitter } from './lineSplitter.ts';
import type { CheckTally, LineFindings } from './protocol.ts';
import { throttle } from './progress.ts';

/**
 * "Check a dataset": a JSONL file read as a stream (never whole) and checked line by line, or a
 * zip bundle (distil) read whole and checked with the format's bundle checker. Results are
 * reported as they are found, through `report`.
 */
export interface CheckReport {
  format(format: string, detected: boolean): void;
  lines(items: LineFindings[]): void;
  progress(bytesRead: number, totalBytes: number, lines: number): void;
}

/** `looksLike`: the format the lines look like, when they were checked as another one and fail (see LineChecker). */
export type CheckOutcome = { ok: true; tally: CheckTally; format: string; looksLike?: string } | { ok: false; message: string };

export async function checkDatasetFile(
  file: Blob,
  name: string,
  formatId: string,
  tools: OpenAITool[] | undefined,
  report: CheckReport,
): Promise<CheckOutcome> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  return isZip ? checkZip(file, name, formatId, tools, report) : checkJsonl(file, formatId, tools, report);
}

async function checkJsonl(file: Blob, formatId: string, tools: OpenAITool[] | undefined, report: CheckReport): Promise<CheckOutcome> {
  const checker = lineChecker(formatId, tools);
  if ('error' in checker) return { ok: false, message: checker.error };
  if (checker.format) report.format(checker.format.id, false);
  const split = lineSplitter();
  const decoder = new TextDecoder('utf-8');
  const due = throttle(100);
  const reader = file.stream().getReader();
  let bytesRead = 0;
  let announced = !!checker.format;
  const take = (lines: string[]) => {
    const found = checker.push(lines);
    if (!announced && checker.format) {
      announced = true;
      report.format(checker.format.id, true);
    }
    if (found.length) report.lines(found);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.length;
    take(split.push(decoder.decode(value, { stream: true })));
    if (due()) report.progress(bytesRead, file.size, checker.tally().lines);
  }
  take([...split.push(decoder.decode()), ...split.finish()]);
  report.progress(bytesRead, file.size, checker.tally().lines);
  const outcome: CheckOutcome = { ok: true, tally: checker.tally(), format: checker.formatId };
  if (checker.looksLike) outcome.looksLike = checker.looksLike;
  return outcome;
}

async function checkZip(file: Blob, name: string, formatId: string, tools: OpenAITool[] | undefined, report: CheckReport): Promise<CheckOutcome> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    return { ok: false, message: `${name} is not a readable zip: ${e instanceof Error ? e.message : String(e)}` };
  }
  const decoder = new TextDecoder('utf-8');
  const texts: Record<string, string> = {};
  for (const [entry, bytes] of Object.entries(entries)) {
    if (entry.endsWith('/')) continue;
    texts[entry.split('/').pop()!] = decoder.decode(bytes);
  }
  const jsonlNames = Object.keys(texts).filter((n) => n.endsWith('.jsonl'));
  let id = formatId;
  let detected = false;
  if (id === 'auto') {
    detected = true;
    const first = jsonlNames.flatMap((n) => texts[n].split('\n')).find((l) => l.trim());
    id = texts['job_description.json'] !== undefined ? 'distil' : ((first && detectLineFormat(first)) ?? 'openai');
  }
  const format = formatById(id);
  if (!format) return { ok: false, message: `unknown format "${id}"` };
  report.format(format.id, detected);
  const tally: CheckTally = { lines: 0, badLines: 0, findings: 0, unlisted: 0 };
  if (format.checkBundle) {
    const bundle = format.checkBundle(texts);
    const byLine = new Map<string, LineFindings>();
    for (const f of bundle.findings) {
      const key = `${f.file}:${f.line ?? ''}`;
      const { file: entry, line, ...finding } = f;
      const item = byLine.get(key) ?? (line === undefined ? { file: entry, findings: [] } : { file: entry, line, findings: [] });
      item.findings.push(finding);
      byLine.set(key, item);
    }
    const items = [...byLine.values()];
    tally.lines = jsonlNames.reduce((a, n) => a + texts[n].split('\n').filter((l) => l.trim()).length, 0);
    tally.badLines = items.length;
    tally.findings = bundle.findings.length;
    tally.unlisted = Math.max(0, items.length - MAX_LISTED_LINES);
    report.lines(items.slice(0, MAX_LISTED_LINES));
  } else {
    for (const entry of jsonlNames) {
      const checker = lineChecker(format.id, tools, { file: entry });
      if ('error' in checker) return { ok: false, message: checker.error };
      const found = checker.push(texts[entry].split('\n'));
      if (found.length) report.lines(found);
      const t = checker.tally();
      tally.lines += t.lines;
      tally.badLines += t.badLines;
      tally.findings += t.findings;
      tally.unlisted += t.unlisted;
    }
  }
  report.progress(file.size, file.size, tally.lines);
  return { ok: true, tally, format: format.id };
}
