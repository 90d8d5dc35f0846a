import { describe, expect, it } from 'vitest';
import { newRoundup, type Roundup } from '../../src/model/roundup';
import { fieldKey, mergeStored, orderKey } from '../../src/popup/merge';

const base = (): Roundup => ({
  ...newRoundup('r1', '2026-01-01T00:00:00.000Z'),
  title: 'local title',
  items: ['a', 'b', 'c'].map((postId) => ({ postId, leadIn: `${postId} lead`, commentary: `${postId} local` })),
});

describe('merging a stored roundup into an open view', () => {
  it('takes every stored field when nothing is pending here', () => {
    const stored = { ...base(), title: 'stored', items: base().items.map((i) => ({ ...i, commentary: 'stored' })) };
    expect(mergeStored(base(), stored, () => false)).toEqual(stored);
  });

  it('keeps this view\'s text in fields with pending edits, per field', () => {
    const stored = { ...base(), title: 'stored', intro: 'stored intro', items: base().items.map((i) => ({ ...i, commentary: 'stored' })) };
    const pending = new Set([fieldKey('r1', 'title'), fieldKey('r1', 'commentary', 'b')]);
    const merged = mergeStored(base(), stored, (k) => pending.has(k));
    expect(merged.title).toBe('local title');
    expect(merged.intro).toBe('stored intro');
    expect(merged.items.map((i) => i.commentary)).toEqual(['stored', 'b local', 'stored']);
  });

  it('keeps this view\'s order while its own move is on the way, yet shows new clips', () => {
    const local = { ...base(), items: [base().items[1]!, base().items[0]!, base().items[2]!] };
    const stored = { ...base(), items: [...base().items, { postId: 'd', leadIn: '', commentary: '' }] };
    const merged = mergeStored(local, stored, (k) => k === orderKey('r1', 'b'));
    expect(merged.items.map((i) => i.postId)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('keeps, at its place, an item another view removed while this view holds words for it not yet stored', () => {
    const stored = { ...base(), items: [base().items[0]!, base().items[2]!] }; // "b" removed elsewhere
    const local = { ...base(), items: base().items.map((i) => (i.postId === 'b' ? { ...i, commentary: 'unsaved words' } : i)) };
    const merged = mergeStored(local, stored, (k) => k === fieldKey('r1', 'commentary', 'b'));
    expect(merged.items.map((i) => i.postId)).toEqual(['a', 'b', 'c']);
    expect(merged.items[1]).toEqual({ postId: 'b', leadIn: 'b lead', commentary: 'unsaved words' });
    // With nothing of its own pending, the removal shows.
    expect(mergeStored(local, stored, () => false).items.map((i) => i.postId)).toEqual(['a', 'c']);
  });

  it('keeps such an item after the items before it, even when the others moved', () => {
    const stored = { ...base(), items: [base().items[2]!, { postId: 'd', leadIn: '', commentary: '' }] }; // "a", "b" removed, "d" clipped
    const merged = mergeStored(base(), stored, (k) => k === fieldKey('r1', 'leadIn', 'a') || k === fieldKey('r1', 'leadIn', 'b'));
    expect(merged.items.map((i) => i.postId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes the stored roundup whole when another one became current', () => {
    const other = { ...newRoundup('r2', '2026-01-02T00:00:00.000Z'), title: 'other' };
    expect(mergeStored(base(), other, () => true)).toBe(other);
  });
});
