import { describe, expect, it } from 'vitest';
import { blobBatcher } from './blobBatcher.ts';

describe('blobBatcher', () => {
  it('sends Blobs of about the batch size, in order, that together are every byte', async () => {
    const sent: Blob[] = [];
    const batch = blobBatcher((b) => sent.push(b), 10);
    const pieces = ['abcd', 'efgh', 'ijkl', '', 'mnop', 'q'];
    for (const p of pieces) batch.add(new TextEncoder().encode(p));
    expect(sent.map((b) => b.size)).toEqual([12]);
    batch.flush();
    batch.flush();
    expect(sent.map((b) => b.size)).toEqual([12, 5]);
    expect(await new Blob(sent).text()).toBe(pieces.join(''));
  });

  it('keeps the bytes as they were when added, though the caller reuses its buffer', async () => {
    const sent: Blob[] = [];
    const batch = blobBatcher((b) => sent.push(b), 8);
    const buffer = new Uint8Array(16);
    const encoder = new TextEncoder();
    // Small pieces (gathered) and a piece of the batch size or more (a Blob at once), all from one buffer.
    for (const text of ['ab', 'cd', 'efghijklmn', 'op']) {
      const { written } = encoder.encodeInto(text, buffer);
      batch.add(buffer.subarray(0, written));
      buffer.fill(120); // "x": what a reused buffer holds next
    }
    batch.flush();
    expect(sent.map((b) => b.size)).toEqual([4, 10, 2]);
    expect(await new Blob(sent).text()).toBe('abcdefghijklmnop');
  });
});
