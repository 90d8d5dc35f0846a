// Stores edits without a save action: each field's latest text is sent after a short pause in
// typing, and at once when the page is hidden or closed, so closing at any moment loses nothing.
// The text stays in its textbox until the background confirms it was stored.
//
// A write that fails in a way that may pass (storage busy or full, no background yet) is sent
// again, waiting longer each time (500 ms doubling to 15 s), so a broken store is not hammered.
// A write that can never succeed as it is (the item or roundup is gone: an error that says
// `transient: false`) is not sent again: it is reported for its key, and the key stays pending
// so a merge never replaces those words, until a newer write of the key is stored or the
// writer drops it.
import { plural, t } from '../platform/i18n';

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'saving' }
  /**
   * Words not stored. `retrying`: a write failed in a way that may pass, and is sent again;
   * otherwise writes that can never succeed as they are (each is shown next to its field).
   */
  | { state: 'error'; message: string; retrying: boolean };

export interface Saver {
  /** Queue the latest value for `key`; `save` stores it. Replaces any value not yet sent. */
  queue(key: string, save: () => Promise<unknown>): void;
  /** Send everything queued now. */
  flush(): void;
  /**
   * Whether the textbox's text for `key` is newer than the store's: queued, not yet confirmed,
   * waiting to be sent again, or failed for good.
   */
  pending(key: string): boolean;
  /** Marks `key` as failed for good without sending it (words found for something that is gone). */
  fail(key: string, message: string): void;
  /** Forgets `key`'s queued or failed words: the writer let them go. */
  drop(key: string): void;
  /** Flushes, then resolves once every edit sent is confirmed (or has failed). */
  settled(): Promise<void>;
  dispose(): void;
}

export interface SaverOptions {
  /** The pause in typing before a field's text is sent. */
  delayMs?: number;
  /** The first wait before sending a failed write again; it doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Every change to the writes failed for good: key → why. */
  onFailures?(failures: ReadonlyMap<string, string>): void;
}

/** An error's own words, without a closing full stop (a sentence continues after them). */
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\.\s*$/, '');

export function createSaver(
  onStatus: (status: SaveStatus) => void,
  { delayMs = 250, retryMs = 500, maxRetryMs = 15_000, onFailures = () => {} }: SaverOptions = {},
): Saver {
  // Each queued write carries a version, so an older write's answer never decides for a newer one.
  const queued = new Map<string, { save: () => Promise<unknown>; version: number }>();
  const latest = new Map<string, number>();
  let versions = 0;
  const sending = new Map<string, number>();
  const failed = new Map<string, string>();
  /** Keys waiting to be sent again after a failure that may pass, and the last such failure. */
  const retrying = new Set<string>();
  let retryError = '';
  let wait = 0;
  let retryDue = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = 0;
  let idle: Array<() => void> = [];
  let disposed = false;

  function report() {
    if (retrying.size > 0) {
      const message = t('notStoredRetrying', retryError);
      onStatus({ state: 'error', message, retrying: true });
    } else if (failed.size > 0) {
      const [why] = [...failed.values()].slice(-1);
      const message = failed.size > 1 ? plural('notStoredFields', failed.size, why ?? '') : t('notStored', why ?? '');
      onStatus({ state: 'error', message, retrying: false });
    } else onStatus(inFlight > 0 || queued.size > 0 ? { state: 'saving' } : { state: 'saved' });
  }

  function setFailed(key: string, message: string | null) {
    if (message === null) {
      if (!failed.delete(key)) return;
    } else {
      if (failed.get(key) === message) return;
      failed.set(key, message);
    }
    onFailures(new Map(failed));
  }

  function run(key: string, save: () => Promise<unknown>, version: number) {
    inFlight++;
    sending.set(key, (sending.get(key) ?? 0) + 1);
    const newest = () => latest.get(key) === version;
    save().then(
      () => {
        wait = 0;
        retrying.delete(key);
        if (newest()) setFailed(key, null);
      },
      (e: unknown) => {
        // A newer write of this key was queued meanwhile (or the key dropped): that one decides.
        if (!newest()) return;
        if ((e as { transient?: unknown } | null)?.transient === false) {
          retrying.delete(key);
          setFailed(key, `${reason(e)}.`);
          return;
        }
        retryError = reason(e);
        retrying.add(key);
        queued.set(key, { save, version });
        retryDue = true;
      },
    ).finally(() => {
      inFlight--;
      const left = (sending.get(key) ?? 1) - 1;
      if (left > 0) sending.set(key, left);
      else sending.delete(key);
      if (inFlight === 0) {
        // One wait per round of sending, however many writes in it failed.
        if (retryDue && !disposed) {
          retryDue = false;
          wait = wait === 0 ? retryMs : Math.min(wait * 2, maxRetryMs);
          schedule(wait);
        }
        const waiting = idle;
        idle = [];
        waiting.forEach((resolve) => resolve());
      }
      report();
    });
  }

  function flush() {
    clearTimeout(timer);
    timer = undefined;
    const batch = [...queued];
    queued.clear();
    for (const [key, { save, version }] of batch) run(key, save, version);
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
      const version = ++versions;
      latest.set(key, version);
      queued.set(key, { save, version });
      report();
      schedule(delayMs);
    },
    flush,
    pending: (key) => queued.has(key) || sending.has(key) || failed.has(key),
    fail(key, message) {
      setFailed(key, message);
      report();
    },
    drop(key) {
      queued.delete(key);
      retrying.delete(key);
      latest.delete(key);
      setFailed(key, null);
      report();
    },
    settled() {
      flush();
      return inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));
    },
    dispose() {
      flush();
      disposed = true;
      removeEventListener('pagehide', onHide);
      removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
