// Text edits held until the background acknowledges them, even across the editor closing: a
// page that dies may never post its last write, or post it to a worker that stops before
// storing it. Each edit is written to localStorage (synchronous, so a dying page still writes
// it; the extension's own origin; one key per field) when it is queued, and removed when that
// exact value is acknowledged. An editor that opens a roundup replays what is left (`replay`).
import { ROUNDUP_TEXT_FIELDS, ITEM_TEXT_FIELDS, type ItemTextField, type Roundup, type RoundupTextField } from '../model/roundup';
import { fieldKey } from './merge';

export type JournalEntry = (
  | { roundupId: string; postId?: undefined; field: RoundupTextField }
  | { roundupId: string; postId: string; field: ItemTextField }
) & {
  value: string;
  /** When it was typed (ISO time), to compare with the roundup's `updatedAt`. */
  typedAt: string;
};

/** The part of `Storage` the journal uses: localStorage, or a Map-backed fake in tests. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface Journal {
  write(entry: JournalEntry): void;
  /** Removes the field's entry if it still holds this value (another view may have written a newer one). */
  settle(entry: JournalEntry): void;
  /** Removes the field's entry, whatever it holds: the writer let the words go. */
  forget(key: string): void;
  entries(): JournalEntry[];
}

const PREFIX = 'roundup.journal:';

/** The saver's key for an entry's field. */
export const entryKey = (e: JournalEntry): string => fieldKey(e.roundupId, e.field, e.postId);

function parse(text: string | null): JournalEntry | null {
  try {
    const e = JSON.parse(text ?? '') as Partial<Record<keyof JournalEntry, unknown>>;
    const ok =
      typeof e.roundupId === 'string' && typeof e.value === 'string' && typeof e.typedAt === 'string'
      && (e.postId === undefined
        ? (ROUNDUP_TEXT_FIELDS as readonly unknown[]).includes(e.field)
        : typeof e.postId === 'string' && (ITEM_TEXT_FIELDS as readonly unknown[]).includes(e.field));
    return ok ? (e as JournalEntry) : null;
  } catch {
    return null;
  }
}

/**
 * The journal over `storage`. Storage that throws (full, or refused to this page) makes the
 * journal do nothing: it is a second line, the port is the first.
 */
export function createJournal(storage: JournalStorage | undefined): Journal {
  const attempt = <T>(run: (s: JournalStorage) => T, otherwise: T): T => {
    try {
      return storage ? run(storage) : otherwise;
    } catch {
      return otherwise;
    }
  };
  return {
    write(entry) {
      attempt((s) => s.setItem(PREFIX + entryKey(entry), JSON.stringify(entry)), undefined);
    },
    settle(entry) {
      const key = PREFIX + entryKey(entry);
      attempt((s) => {
        if (parse(s.getItem(key))?.value === entry.value) s.removeItem(key);
      }, undefined);
    },
    forget(key) {
      attempt((s) => s.removeItem(PREFIX + key), undefined);
    },
    entries() {
      return attempt((s) => {
        const found: JournalEntry[] = [];
        for (let i = 0; i < s.length; i++) {
          const key = s.key(i);
          const entry = key?.startsWith(PREFIX) ? parse(s.getItem(key)) : null;
          if (entry) found.push(entry);
        }
        return found;
      }, []);
    },
  };
}

/** What replaying the journal against a stored roundup leaves to do. */
export interface Replay {
  /** Typed and never stored, with nothing stored since: send again. */
  resend: JournalEntry[];
  /** For an item the roundup no longer holds: show as not stored, so the words can be kept. */
  gone: JournalEntry[];
}

/**
 * Replays the entries for `stored` (skipping keys this view is still saving): one the store
 * already holds is dropped, as is one a newer write replaced (the roundup changed after it was
 * typed, and the field holds other words); one typed after the last stored change, or one
 * that only continues the stored text, is sent again. Entries of other roundups stay.
 */
export function replay(journal: Journal, stored: Roundup, busy: (key: string) => boolean = () => false): Replay {
  const result: Replay = { resend: [], gone: [] };
  for (const entry of journal.entries()) {
    if (entry.roundupId !== stored.id || busy(entryKey(entry))) continue;
    let now: string;
    if (entry.postId === undefined) now = stored[entry.field];
    else {
      const item = stored.items.find((i) => i.postId === entry.postId);
      if (!item) {
        result.gone.push(entry);
        continue;
      }
      now = item[entry.field];
    }
    // Sent again when nothing was stored since it was typed, or when it only adds to what is
    // stored (the tail of the typing never arrived, whatever else was stored meanwhile): a
    // lost end of a sentence is far likelier than another view cutting exactly that end.
    const lost = Date.parse(stored.updatedAt) < Date.parse(entry.typedAt) || entry.value.startsWith(now);
    if (now !== entry.value && lost) result.resend.push(entry);
    else journal.settle(entry);
  }
  return result;
}
