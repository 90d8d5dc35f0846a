// Stores edits without a save action: each field's latest text is sent after a short pause in
// typing, and at once when the page is hidden or closed, so closing at any moment loses nothing.
// The text stays in its textbox until the background confirms it was stored.

export type SaveStatus = { state: 'saved' } | { state: 'saving' } | { state: 'error'; message: string };

export interface Saver {
  /** Queue the latest value for `key`; `save` stores it. Replaces any value not yet sent. */
  queue(key: string, save: () => Promise<unknown>): void;
  /** Send everything queued now. */
  flush(): void;
  /** Whether an edit of `key` is queued or not yet confirmed: the textbox's text is newer than the store's. */
  pending(key: string): boolean;
  /** Flushes, then resolves once every edit sent is confirmed (or has failed). */
  settled(): Promise<void>;
  dispose(): void;
}

export function createSaver(onStatus: (status: SaveStatus) => void, delayMs = 250): Saver {
  const queued = new Map<string, () => Promise<unknown>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = 0;
  const sending = new Map<string, number>();
  let idle: Array<() => void> = [];
  let lastError: string | null = null;

  function report() {
    if (lastError) onStatus({ state: 'error', message: lastError });
    else onStatus(inFlight > 0 || queued.size > 0 ? { state: 'saving' } : { state: 'saved' });
  }

  function run(key: string, save: () => Promise<unknown>) {
    inFlight++;
    sending.set(key, (sending.get(key) ?? 0) + 1);
    save().then(
      () => {
        lastError = null;
      },
      (e: unknown) => {
        lastError = `Not stored yet: ${e instanceof Error ? e.message : String(e)}. Your text is still here; keep the editor open and it will retry.`;
        // Keep the edit queued unless a newer one for the same field has replaced it.
        if (!queued.has(key)) queued.set(key, save);
        schedule(2000);
      },
    ).finally(() => {
      inFlight--;
      const left = (sending.get(key) ?? 1) - 1;
      if (left > 0) sending.set(key, left);
      else sending.delete(key);
      report();
      if (inFlight === 0) {
        const waiting = idle;
        idle = [];
        waiting.forEach((resolve) => resolve());
      }
    });
  }

  function flush() {
    clearTimeout(timer);
    timer = undefined;
    const batch = [...queued];
    queued.clear();
    for (const [key, save] of batch) run(key, save);
    report();
  }

  function schedule(ms: number) {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  }

  const onHide = () => flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  addEventListener('pagehide', onHide);
  addEventListener('beforeunload', onHide);
  document.addEventListener('visibilitychange', onVisibility);

  return {
    queue(key, save) {
      queued.set(key, save);
      report();
      schedule(delayMs);
    },
    flush,
    pending: (key) => queued.has(key) || sending.has(key),
    settled() {
      flush();
      return inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));
    },
    dispose() {
      flush();
      removeEventListener('pagehide', onHide);
      removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
