// The content script's pure parts: X's theme from its background colour, and the tab's view of
// which posts are clipped (snapshots from the background, answers to its own toggles).
import { describe, expect, it } from 'vitest';
import { themeOfColor } from '../../src/content/theme';
import { createClipBook, isClipSnapshot } from '../../src/content/clip-book';

describe("X's theme", () => {
  it('reads light, dim and lights out from the colours X paints the body with', () => {
    expect(themeOfColor('rgb(255, 255, 255)')).toBe('light');
    expect(themeOfColor('#FFFFFF')).toBe('light');
    expect(themeOfColor('rgb(21, 32, 43)')).toBe('dim');
    expect(themeOfColor('rgb(0, 0, 0)')).toBe('dark');
    expect(themeOfColor('#000')).toBe('dark');
    expect(themeOfColor('')).toBeNull();
    expect(themeOfColor('transparent')).toBeNull();
    expect(themeOfColor(undefined)).toBeNull();
  });
});

describe('the clip book', () => {
  const snap = (at: number, clipped: string[]) => ({ roundupId: 'r', count: clipped.length, clipped, at });

  it('reports exactly the posts whose state changed, and ignores a snapshot older than the last', () => {
    const book = createClipBook();
    const seen: string[][] = [];
    book.onChange((changed) => seen.push([...changed].sort()));
    book.apply(snap(10, ['x:1', 'x:2']));
    book.apply(snap(20, ['x:2', 'x:3']));
    book.apply(snap(15, ['x:9'])); // a late answer
    expect(seen).toEqual([['x:1', 'x:2'], ['x:1', 'x:3']]);
    expect(book.has('x:3') && !book.has('x:1') && !book.has('x:9')).toBe(true);
    expect(book.count()).toBe(2);
  });

  it("applies this tab's own toggle at once, and tells of a count change even when no post changed", () => {
    const book = createClipBook();
    const seen: string[][] = [];
    book.onChange((changed) => seen.push([...changed]));
    book.set('x:5', true, 1);
    book.set('x:5', true, 1); // no change: no notice
    book.set('x:6', false, 4); // only the count moved (clipped in another roundup view)
    expect(seen).toEqual([['x:5'], []]);
    expect(book.count()).toBe(4);
  });

  it('checks the shape of a snapshot that arrives as a message', () => {
    expect(isClipSnapshot(snap(1, ['x:1']))).toBe(true);
    expect(isClipSnapshot({ ...snap(1, []), clipped: [1] })).toBe(false);
    expect(isClipSnapshot(null)).toBe(false);
    expect(isClipSnapshot({ clipped: [] })).toBe(false);
  });
});
