import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_OK } from '../main.ts';
import { cli, scratchDir } from '../testing.testutil.ts';

const ROOM_BOOKING = 'public/examples/room-booking.chain.json';

describe('generate says which result fields fall back to generic words', () => {
  it('names the tool and field, and says nothing for a design whose values all fit', () => {
    const project = JSON.parse(readFileSync(ROOM_BOOKING, 'utf8'));
    const book = project.tools.find((t: { function: { name: string } }) => t.function.name === 'book_room');
    book.returns.properties.frobnicator = { type: 'string' };
    book.returns.required.push('frobnicator');
    const file = join(scratchDir('generic-fields'), 'room-booking-generic.chain.json');
    writeFileSync(file, JSON.stringify(project));

    const generic = cli('generate', file, '--count', '3', '--out', '-');
    expect(generic.code).toBe(EXIT_OK);
    expect(generic.stderr).toMatch(/^result fields with generic words: book_room \(frobnicator\) — chainwright audit says what to add/m);
    const plain = cli('generate', ROOM_BOOKING, '--count', '3', '--out', '-');
    expect(plain.code).toBe(EXIT_OK);
    expect(plain.stderr).not.toContain('generic words');
  });
});
