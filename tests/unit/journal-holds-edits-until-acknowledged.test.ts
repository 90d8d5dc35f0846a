import { describe, expect, it } from 'vitest';
import { newRoundup, type Roundup } from '../../src/model/roundup';
import { createJournal, entryKey, replay, type JournalEntry, type JournalStorage } from '../../src/popup/journal';

/** localStorage, on a Map. */
function fakeStorage(): JournalStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

const T = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

const stored = (updatedAt: string): Roundup => ({
  ...newRoundup('r1', T(0)),
  title: 'Stored title',
  intro: 'Stored intro',
  closing: 'Typed and stored',
  items: [{ postId: 'p1', leadIn: '', commentary: 'Stored commentary' }],
  updatedAt,
});

describe('the journal of edits not yet acknowledged', () => {
  it('holds one entry per field, the latest typed', () => {
    const journal = createJournal(fakeStorage());
    journal.write({ roundupId: 'r1', field: 'title', value: 'H', typedAt: T(1) });
    journal.write({ roundupId: 'r1', field: 'title', value: 'Hello', typedAt: T(2) });
    journal.write({ roundupId: 'r1', postId: 'p1', field: 'commentary', value: 'Mine', typedAt: T(2) });
    expect(journal.entries()).toEqual([
      { roundupId: 'r1', field: 'title', value: 'Hello', typedAt: T(2) },
      { roundupId: 'r1', postId: 'p1', field: 'commentary', value: 'Mine', typedAt: T(2) },
    ]);
  });

  it('lets an entry go only when that exact value is acknowledged', () => {
    const storage = fakeStorage();
    const journal = createJournal(storage);
    const older: JournalEntry = { roundupId: 'r1', field: 'intro', value: 'Half a', typedAt: T(1) };
    const newer: JournalEntry = { roundupId: 'r1', field: 'intro', value: 'Half a sentence', typedAt: T(2) };
    journal.write(older);
    journal.write(newer); // typed meanwhile (here, or in another view: one key per field)
    journal.settle(older);
    expect(journal.entries()).toEqual([newer]);
    journal.settle(newer);
    expect(journal.entries()).toEqual([]);
    expect(storage.map.size).toBe(0);
  });

  it('replays against the stored roundup: sends again what never reached it, drops what it holds or a newer write replaced', () => {
    const journal = createJournal(fakeStorage());
    // Typed at 10:05; the roundup was last stored at 10:03: it never arrived.
    const lost: JournalEntry = { roundupId: 'r1', field: 'title', value: 'Typed, never stored', typedAt: T(5) };
    // Typed at 10:01; the field was changed since (stored at 10:03): a newer write won.
    const replaced: JournalEntry = { roundupId: 'r1', postId: 'p1', field: 'commentary', value: 'Old words', typedAt: T(1) };
    // Stored, but the editor closed before the acknowledgement came back.
    const acknowledged: JournalEntry = { roundupId: 'r1', field: 'closing', value: 'Typed and stored', typedAt: T(2) };
    // Another roundup's: left for when that one is opened.
    const other: JournalEntry = { roundupId: 'r2', field: 'intro', value: 'Elsewhere', typedAt: T(5) };
    for (const e of [lost, replaced, acknowledged, other]) journal.write(e);

    const { resend, gone } = replay(journal, stored(T(3)));
    expect(resend).toEqual([lost]);
    expect(gone).toEqual([]);
    expect(journal.entries()).toEqual([lost, other]);
  });

  it('sends again the lost end of a sentence even when something else was stored since', () => {
    const journal = createJournal(fakeStorage());
    // "Stored intro" reached the store; " and its last words" never did, and then another field was stored at 10:03.
    const tail: JournalEntry = { roundupId: 'r1', field: 'intro', value: 'Stored intro and its last words', typedAt: T(1) };
    journal.write(tail);
    expect(replay(journal, stored(T(3))).resend).toEqual([tail]);
  });

  it('reports words for an item the roundup no longer holds, and keeps them', () => {
    const journal = createJournal(fakeStorage());
    const orphan: JournalEntry = { roundupId: 'r1', postId: 'removed', field: 'leadIn', value: 'Still mine', typedAt: T(1) };
    journal.write(orphan);
    expect(replay(journal, stored(T(3)))).toEqual({ resend: [], gone: [orphan] });
    expect(journal.entries()).toEqual([orphan]);
  });

  it('leaves alone the fields this view is still saving', () => {
    const journal = createJournal(fakeStorage());
    const saving: JournalEntry = { roundupId: 'r1', field: 'title', value: 'On its way', typedAt: T(1) };
    journal.write(saving);
    expect(replay(journal, stored(T(3)), (key) => key === entryKey(saving))).toEqual({ resend: [], gone: [] });
    expect(journal.entries()).toEqual([saving]);
  });

  it('ignores what is not an entry, and does nothing where storage refuses', () => {
    const storage = fakeStorage();
    storage.setItem('roundup.journal:r1:title', '{not json');
    storage.setItem('roundup.journal:r1:intro', JSON.stringify({ roundupId: 'r1', field: 'nope', value: 'x', typedAt: T(1) }));
    storage.setItem('someone-else', 'x');
    expect(createJournal(storage).entries()).toEqual([]);

    const refusing = { ...fakeStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const journal = createJournal(refusing);
    expect(() => journal.write({ roundupId: 'r1', field: 'title', value: 'x', typedAt: T(1) })).not.toThrow();
    expect(createJournal(undefined).entries()).toEqual([]);
  });
});
