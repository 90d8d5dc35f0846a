// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaver, type SaveStatus } from '../../src/popup/saver';

/** An error as connection.ts gives it: `transient` says whether sending it again may help. */
const failure = (message: string, transient: boolean) => Object.assign(new Error(message), { transient });

describe('the saver after a failed write', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a write that may pass again, waiting longer each time, until it is stored', async () => {
    const statuses: SaveStatus[] = [];
    const at: number[] = [];
    const start = Date.now();
    const saver = createSaver((s) => statuses.push(s), { delayMs: 250 });
    saver.queue('r:title', async () => {
      at.push(Date.now() - start);
      if (at.length <= 4) throw failure('The database is busy.', true);
    });
    await vi.advanceTimersByTimeAsync(250);
    expect(statuses.at(-1)).toEqual({
      state: 'error',
      message: 'Not stored yet: The database is busy. Your words are kept here and sent again until they are stored.',
      retrying: true,
    });
    expect(saver.pending('r:title')).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    // 500 ms, then doubling.
    expect(at).toEqual([250, 750, 1750, 3750, 7750]);
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
    expect(saver.pending('r:title')).toBe(false);
    saver.dispose();
  });

  it('waits at most 15 s between tries, and once a write is stored starts again from 500 ms', async () => {
    const at: number[] = [];
    let down = true;
    const saver = createSaver(() => {}, { delayMs: 0 });
    const save = async () => {
      at.push(Date.now());
      if (down) throw failure('QuotaExceededError', true);
    };
    saver.queue('r:intro', save);
    await vi.advanceTimersByTimeAsync(120_000);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    expect(gaps.slice(0, 7)).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
    down = false;
    await vi.advanceTimersByTimeAsync(15_000);
    down = true;
    at.length = 0;
    saver.queue('r:intro', save);
    await vi.advanceTimersByTimeAsync(600);
    expect(at.length).toBe(2); // sent, then again after 500 ms
    saver.dispose();
  });

  it('does not send again a write that can never succeed: reports it for its key and keeps it pending', async () => {
    const statuses: SaveStatus[] = [];
    const reported: Array<ReadonlyMap<string, string>> = [];
    let attempts = 0;
    const saver = createSaver((s) => statuses.push(s), { delayMs: 250, onFailures: (f) => reported.push(f) });
    saver.queue('r:p1:commentary', async () => {
      attempts++;
      throw failure('The roundup holds no post "p1".', false);
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toBe(1);
    expect(reported.at(-1)).toEqual(new Map([['r:p1:commentary', 'The roundup holds no post "p1".']]));
    expect(statuses.at(-1)).toEqual({ state: 'error', message: 'Not stored: The roundup holds no post "p1". Your words are still here.', retrying: false });
    // A merge must not replace those words.
    expect(saver.pending('r:p1:commentary')).toBe(true);
    await saver.settled();

    // A newer write of the field that is stored clears it.
    saver.queue('r:p1:commentary', async () => {});
    await vi.advanceTimersByTimeAsync(250);
    expect(reported.at(-1)).toEqual(new Map());
    expect(saver.pending('r:p1:commentary')).toBe(false);
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
    saver.dispose();
  });

  it('lets a failed key go when the writer drops it', async () => {
    const saver = createSaver(() => {}, { delayMs: 0 });
    saver.fail('r:gone:leadIn', 'This post was removed from the roundup');
    expect(saver.pending('r:gone:leadIn')).toBe(true);
    saver.drop('r:gone:leadIn');
    expect(saver.pending('r:gone:leadIn')).toBe(false);
    saver.dispose();
  });
});
