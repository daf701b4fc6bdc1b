import { describe, expect, it } from 'vitest';
import { blobAssembler } from './blobParts.ts';

describe('blobAssembler', () => {
  it('gives back every chunk (Blobs and byte arrays) in order as one file, folding as it goes', async () => {
    const a = blobAssembler(10);
    const chunks = ['{"a":1}\n', '{"b":2}\n', 'é—ü\n', '', '{"c":3}\n'];
    chunks.forEach((c, i) => a.add(i % 2 ? new Blob([c]) : new TextEncoder().encode(c)));
    const blob = a.finish('application/jsonl');
    expect(blob.type).toBe('application/jsonl');
    expect(a.size).toBe(blob.size);
    expect(await blob.text()).toBe(chunks.join(''));
  });

  it('makes an empty file from no chunks', async () => {
    const blob = blobAssembler().finish('application/zip');
    expect(blob.size).toBe(0);
    expect(await blob.text()).toBe('');
  });
});
