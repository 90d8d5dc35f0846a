// @vitest-environment happy-dom
// The notice that offers "Undo" lasts long enough to use: at least 10 s, and not a moment less
// while the pointer is over it or focus is inside it. A plain notice (nothing to press) goes
// after its few seconds and lets clicks through to the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeNotice, showNotice } from '../../src/content/notice';

const box = () => document.querySelector('[data-roundup-own="notice"]')!.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
const undo = () => box().querySelector('button')!;
const shown = () => box().textContent ?? '';
let runs = 0;
const withUndo = (ms?: number) =>
  showNotice('Removed from your roundup. Your words are in the Trash.', { ms, action: { label: 'Undo', run: () => void runs++ } });

beforeEach(() => {
  vi.useFakeTimers();
  runs = 0;
});
afterEach(() => {
  removeNotice();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('the notice with Undo', () => {
  it('stays at least 10 s, even when asked for less', () => {
    withUndo(3000);
    vi.advanceTimersByTime(9_999);
    expect(shown()).toContain('Removed');
    vi.advanceTimersByTime(1);
    expect(shown()).toBe('');
  });

  it('waits while the pointer is over it, and gives time to come back once it leaves', () => {
    withUndo();
    vi.advanceTimersByTime(9_000);
    box().dispatchEvent(new Event('pointerenter'));
    vi.advanceTimersByTime(60_000);
    expect(shown()).toContain('Removed');
    box().dispatchEvent(new Event('pointerleave'));
    vi.advanceTimersByTime(1_999);
    expect(shown()).toContain('Removed');
    vi.advanceTimersByTime(1);
    expect(shown()).toBe('');
  });

  it('waits while focus is inside it (reached with Tab), and is pressed once however often it is clicked', () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    withUndo();
    undo().focus();
    vi.advanceTimersByTime(60_000);
    expect(shown()).toContain('Removed');
    undo().click();
    undo().click();
    expect(runs).toBe(1);
    undo().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(shown()).toBe('');
    expect(document.activeElement).toBe(before);
  });
});

describe('a plain notice', () => {
  it('goes after its time, and lets clicks through to the page', () => {
    showNotice('Clipped to your roundup.', { ms: 2000 });
    expect(box().hasAttribute('data-passive')).toBe(true);
    box().dispatchEvent(new Event('pointerenter'));
    vi.advanceTimersByTime(2_000);
    expect(shown()).toBe('');
  });
});
