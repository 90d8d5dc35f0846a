// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaver, type SaveStatus } from '../../src/popup/saver';

describe('the editor saver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends only the latest text of a field after a pause in typing', async () => {
    const sent: string[] = [];
    const saver = createSaver(() => {}, { delayMs: 250 });
    for (const value of ['H', 'He', 'Hel', 'Hello']) {
      saver.queue('title', async () => sent.push(value));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(250);
    expect(sent).toEqual(['Hello']);
    saver.dispose();
  });

  it.each(['pagehide', 'beforeunload'])('sends everything queued at once on %s', async (event) => {
    const sent: string[] = [];
    const saver = createSaver(() => {}, { delayMs: 250 });
    saver.queue('title', async () => sent.push('title'));
    saver.queue('item:1:commentary', async () => sent.push('commentary'));
    window.dispatchEvent(new Event(event));
    expect(sent).toEqual(['title', 'commentary']);
    saver.dispose();
  });

  it('sends everything queued when the page becomes hidden', () => {
    const sent: string[] = [];
    const saver = createSaver(() => {}, { delayMs: 250 });
    saver.queue('intro', async () => sent.push('intro'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sent).toEqual(['intro']);
    saver.dispose();
  });

  it('reports a failed write clearly and tries the same text again', async () => {
    const statuses: SaveStatus[] = [];
    let attempts = 0;
    const saver = createSaver((s) => statuses.push(s), { delayMs: 250 });
    saver.queue('closing', async () => {
      attempts++;
      if (attempts === 1) throw new Error('QuotaExceededError');
    });
    await vi.advanceTimersByTimeAsync(250);
    expect(statuses.at(-1)).toMatchObject({ state: 'error', retrying: true });
    expect((statuses.at(-1) as { message: string }).message).toContain('QuotaExceededError');
    await vi.advanceTimersByTimeAsync(500);
    expect(attempts).toBe(2);
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
    saver.dispose();
  });
});
