// A tab that starts before the background answers asks again — 250 ms, then twice as long each
// time up to 10 s — until it gets what is clipped, hears it another way, or is replaced.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retry, sleep } from '../../src/content/retry';

/** Fails `failures` times, then answers. */
function background(failures: number) {
  let calls = 0;
  return {
    ask: async () => {
      calls++;
      if (calls <= failures) throw new Error("Roundup's background could not be reached");
      return 'snapshot';
    },
    calls: () => calls,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('asking the background again', () => {
  it('waits 250 ms after the first failure, doubling up to 10 s, until it answers', async () => {
    const waits: number[] = [];
    const bg = background(8);
    const answer = await retry(bg.ask, new AbortController().signal, { sleep: async (ms) => void waits.push(ms) });
    expect(answer).toBe('snapshot');
    expect(bg.calls()).toBe(9);
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('stops once what was asked for arrived another way', async () => {
    let heard = false;
    const bg = background(Infinity);
    const answer = await retry(bg.ask, new AbortController().signal, {
      done: () => heard,
      sleep: async () => {
        if (bg.calls() === 3) heard = true;
      },
    });
    expect(answer).toBeUndefined();
    expect(bg.calls()).toBe(3);
  });

  it('stops at once when the page script is replaced, even mid-wait', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const bg = background(Infinity);
    const answer = retry(bg.ask, controller.signal, { sleep });
    await vi.advanceTimersByTimeAsync(249);
    expect(bg.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(bg.calls()).toBe(2);
    controller.abort();
    await expect(answer).resolves.toBeUndefined();
    expect(bg.calls()).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
