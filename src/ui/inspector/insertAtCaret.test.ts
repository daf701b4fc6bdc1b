import { describe, expect, it } from 'vitest';
import { insertAtCaret } from './insertAtCaret.ts';

describe('insertAtCaret', () => {
  it('inserts at the caret and puts the caret after the insertion', () => {
    expect(insertAtCaret('Book for  please', '{date}', 9, 9)).toEqual({ text: 'Book for {date} please', caret: 15 });
  });
  it('replaces the selected text', () => {
    expect(insertAtCaret('on DATE at', '{date}', 3, 7)).toEqual({ text: 'on {date} at', caret: 9 });
  });
  it('appends when the caret is unknown', () => {
    expect(insertAtCaret('Hi ', '{name}', null, null)).toEqual({ text: 'Hi {name}', caret: 9 });
  });
  it('clamps positions outside the text', () => {
    expect(insertAtCaret('ab', 'X', 10, 20)).toEqual({ text: 'abX', caret: 3 });
  });
});
