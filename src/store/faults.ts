// A test hook, and only that: makes every write transaction fail for a while as a full disk
// does (QuotaExceededError), so the end-to-end tests can prove the editor keeps the words,
// says so, and stores them once writes work again. Reached only from the background's own
// global scope (a test driving the service worker); no message or page can turn it on.
import type { Db } from './db';

export interface WriteFaults {
  /** Every readwrite transaction opened in the next `ms` throws QuotaExceededError. */
  failWritesFor(ms: number): void;
  /** Whether writes fail now. */
  failing(): boolean;
}

export function createWriteFaults(clock: () => number = Date.now): WriteFaults {
  let until = 0;
  return {
    failWritesFor: (ms) => void (until = clock() + ms),
    failing: () => clock() < until,
  };
}

/** The database, with its readwrite transactions failing while `faults` says so. */
export function withWriteFaults(db: Db, faults: WriteFaults): Db {
  const transaction = db.transaction.bind(db);
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver);
      return (...args: Parameters<Db['transaction']>) => {
        if (args[1] === 'readwrite' && faults.failing()) {
          throw new DOMException('The disk is full (a test made every write fail for a while).', 'QuotaExceededError');
        }
        return transaction(...args);
      };
    },
  });
}
