// A test hook, and only that: makes every write transaction fail for a while as a full disk
// does (QuotaExceededError), so the end-to-end tests can prove the editor keeps the words,
// says so, and stores them once writes work again. Reached only from the background's own
// global scope (a test driving the service worker); no message or page can turn it on.
import type { Db } from './db';

export interface WriteFaults {
  /** Every readwrite transaction opened in the next `ms` throws QuotaExceededError. */
  failWritesFor(ms: number): void;
}

export function withWriteFaults(db: Db, clock: () => number = Date.now): { db: Db; faults: WriteFaults } {
  let until = 0;
  const transaction = db.transaction.bind(db);
  const guarded = new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver);
      return (...args: Parameters<Db['transaction']>) => {
        if (args[1] === 'readwrite' && clock() < until) {
          throw new DOMException('The disk is full (a test made every write fail for a while).', 'QuotaExceededError');
        }
        return transaction(...args);
      };
    },
  });
  return { db: guarded, faults: { failWritesFor: (ms) => void (until = clock() + ms) } };
}
