// Asking the background again until it answers. A tab can start before the service worker is
// ready to answer (browser start, extension update); asked once, it would show nothing clipped
// until reloaded. Pure: the waiting is passed in, so tests need no clock.

/** Waits `ms`, or less if `signal` aborts first. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });

export interface RetryOptions {
  /** What was asked for arrived another way (a `clipsChanged` notice): stop asking. */
  done?: () => boolean;
  sleep?: Sleep;
  /** The wait after the first failure; it doubles after each one, up to `most`. */
  first?: number;
  most?: number;
}

/** `attempt`'s first answer, or undefined once `signal` aborts or `done()` holds. */
export async function retry<T>(
  attempt: () => Promise<T>,
  signal: AbortSignal,
  { done = () => false, sleep: wait = sleep, first = 250, most = 10_000 }: RetryOptions = {},
): Promise<T | undefined> {
  for (let delay = first; !signal.aborted && !done(); delay = Math.min(delay * 2, most)) {
    try {
      const value = await attempt();
      return signal.aborted ? undefined : value;
    } catch {
      // not answering yet: wait, then ask again
    }
    await wait(delay, signal);
  }
  return undefined;
}
