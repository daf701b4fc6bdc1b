import { describe, expect, it } from 'vitest';
import { fileStem, outputPlan } from './outputPlan.ts';

describe('outputPlan', () => {
  it('writes one JSONL file for a single-file format without a split', () => {
    expect(outputPlan('Room booking & invites', 'openai', { bundle: false, split: false })).toMatchObject({
      fileName: 'room-booking-invites.openai.jsonl',
      kind: 'jsonl',
    });
  });

  it('writes a zip for a bundle, with the bundle’s names, and for a split', () => {
    expect(outputPlan('Files', 'distil', { bundle: true, split: false }, { train: 'train.jsonl', test: 'test.jsonl' })).toMatchObject({
      fileName: 'files.distil.zip',
      kind: 'zip',
      mime: 'application/zip',
    });
    expect(outputPlan('Files', 'hf', { bundle: false, split: true })).toMatchObject({
      fileName: 'files.hf.zip',
      kind: 'zip',
      entries: { train: 'train.jsonl', test: 'test.jsonl' },
    });
  });

  it('makes a file name of any project name', () => {
    expect(fileStem('Café  Planning!')).toBe('cafe-planning');
    expect(fileStem('***')).toBe('dataset');
    expect(fileStem('a'.repeat(80))).toHaveLength(60);
  });
});
