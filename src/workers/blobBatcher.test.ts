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
});
