// The editor's one piece of state: the current roundup, its posts, and whether every edit is
// stored. Edits change the view at once and are stored through the saver; changes stored by
// another view or a new clip come in as notices and are merged without touching unsaved text.
// Text edits are also held in the journal until acknowledged, so words typed before the editor
// closed are sent again when it opens; words that can never be stored as they are (their item
// or roundup was removed elsewhere) stay in the view as problems the writer can act on.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Post } from '../model/post';
import { moveItem, type ItemTextField, type Roundup, type RoundupItem, type RoundupTextField } from '../model/roundup';
import { roundupTrashId } from '../model/trash';
import type { Connection } from './connection';
import { listRoundups, readCurrent, type Loaded } from './editor-db';
import { createJournal, entryKey, replay, type JournalEntry, type JournalStorage } from './journal';
import { fieldKey, mergeStored, orderKey } from './merge';
import { createSaver, type SaveStatus } from './saver';
import type { FieldProblem } from './TextField';
import { t } from '../platform/i18n';

export type EditorState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; roundup: Roundup; posts: Record<string, Post> };

/** Words that could not be stored as they are: kept, and shown with what the writer can do. */
export interface Problem {
  key: string;
  entry: JournalEntry;
  /** Why the store refused them. */
  message: string;
  /** Known cause: the roundup in view no longer holds the item, or the roundup is not the one in view (deleted). */
  gone: 'item' | 'roundup' | null;
  /** What the last action on it did ("Copied"). */
  note?: string;
}

export interface EditorActions {
  setRoundupText(field: RoundupTextField, value: string): void;
  setItemText(postId: string, field: ItemTextField, value: string): void;
  move(postId: string, to: number): void;
  /** Removes the item; returns what "Undo" needs to put it back. */
  remove(postId: string): { item: RoundupItem; index: number } | null;
  restoreItem(item: RoundupItem, index: number): void;
  /** Resolves once every edit typed so far is stored (before moving to another view). */
  settled(): Promise<void>;
  /** Words not stored, by the saver's key (merge.ts `fieldKey`). */
  problems: ReadonlyMap<string, Problem>;
  /** Puts back an item removed elsewhere, with this view's copy of it, then stores its words again. */
  restoreLostItem(roundupId: string, postId: string): void;
  /** Puts back a roundup deleted elsewhere (from the Trash), then stores its words again. */
  restoreLostRoundup(roundupId: string): void;
  copyWords(key: string): void;
  /** Lets the words go: they are no longer kept or shown. */
  discardWords(key: string): void;
}

const byId = (posts: Post[]) => Object.fromEntries(posts.map((p) => [p.id, p]));

/** `r` with the entry's words in its field (an item `r` does not hold stays out). */
function withEntry(r: Roundup, e: JournalEntry): Roundup {
  if (e.postId === undefined) return r[e.field] === e.value ? r : { ...r, [e.field]: e.value };
  return { ...r, items: r.items.map((i) => (i.postId === e.postId && i[e.field] !== e.value ? { ...i, [e.field]: e.value } : i)) };
}
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\.\s*$/, '');

function localStorageOrNone(): JournalStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // refused to this page
  }
}

/** What the field's alert says and offers. */
export function fieldProblem(problem: Problem | undefined, actions: EditorActions): FieldProblem | undefined {
  if (!problem) return undefined;
  const { key, entry, gone } = problem;
  const why =
    gone === 'item' ? t('goneItemWhy')
    : gone === 'roundup' ? t('goneRoundupWhy')
    : problem.message.replace(/\.\s*$/, '');
  const buttons = [
    { label: t('copyWords'), run: () => actions.copyWords(key) },
    { label: t('discardWords'), run: () => actions.discardWords(key) },
  ];
  if (gone === 'item' && entry.postId !== undefined) {
    const postId = entry.postId;
    buttons.unshift({ label: t('restoreItem'), run: () => actions.restoreLostItem(entry.roundupId, postId) });
  }
  if (gone === 'roundup') buttons.unshift({ label: t('restoreRoundup'), run: () => actions.restoreLostRoundup(entry.roundupId) });
  return { message: t('notStoredWhy', why), actions: buttons, note: problem.note };
}

export function useEditor(connection: Connection) {
  const [state, setState] = useState<EditorState>({ phase: 'loading' });
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'saved' });
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const [notes, setNotes] = useState<ReadonlyMap<string, string>>(new Map());
  const saver = useMemo(() => createSaver(setSaveStatus, { onFailures: setFailures }), []);
  const journal = useMemo(() => createJournal(localStorageOrNone()), []);
  const latest = useRef(state);
  latest.current = state;
  /** The roundup as last read from the store, before merging this view's words in. */
  const stored = useRef<Roundup | null>(null);
  /** Each field's latest text edit not yet acknowledged (the journal's entries, in memory). */
  const typed = useRef(new Map<string, JournalEntry>());
  const reloadRef = useRef<() => void>(() => {});

  const send = (e: JournalEntry) =>
    e.postId === undefined
      ? connection.request('setRoundupText', { roundupId: e.roundupId, field: e.field, value: e.value })
      : connection.request('setItemText', { roundupId: e.roundupId, postId: e.postId, field: e.field, value: e.value });

  /** Holds the edit in the journal and queues it; the journal lets go once this value is stored. */
  const queueText = (entry: JournalEntry) => {
    const key = entryKey(entry);
    journal.write(entry);
    typed.current.set(key, entry);
    forgetNote(key);
    saver.queue(key, () =>
      send(entry).then(() => {
        journal.settle(entry);
        if (typed.current.get(key) === entry) typed.current.delete(key);
      }),
    );
  };

  const forgetNote = (key: string) =>
    setNotes((n) => {
      if (!n.has(key)) return n;
      const next = new Map(n);
      next.delete(key);
      return next;
    });

  const markGone = (entry: JournalEntry, message: string) => {
    typed.current.set(entryKey(entry), entry);
    saver.fail(entryKey(entry), message);
  };

  /**
   * A roundup the view opens: the journal's words for it are sent again or shown as not stored,
   * and every word this view holds for it that is not stored yet shows over the stored text.
   */
  const opened = (roundup: Roundup): Roundup => {
    const { resend, gone } = replay(journal, roundup, saver.pending);
    gone.forEach((entry) => markGone(entry, t('goneItem')));
    resend.forEach(queueText);
    let shown = roundup;
    for (const [key, entry] of typed.current) {
      if (entry.roundupId === roundup.id && saver.pending(key)) shown = withEntry(shown, entry);
    }
    return shown;
  };

  useEffect(() => {
    const apply = ({ roundup, posts }: Loaded) => {
      const before = latest.current.phase === 'ready' ? latest.current.roundup.id : null;
      stored.current = roundup;
      // A roundup the view opens (first, or made current elsewhere): its journal is replayed.
      const view = before === roundup.id ? roundup : opened(roundup);
      if (before === null) void findDeletedRoundups(roundup.id);
      setState((s) =>
        s.phase === 'ready'
          ? { phase: 'ready', roundup: mergeStored(s.roundup, view, saver.pending), posts: { ...s.posts, ...byId(posts) } }
          : { phase: 'ready', roundup: view, posts: byId(posts) },
      );
    };
    // Words held for roundups that are no longer there (deleted while the editor was closed).
    const findDeletedRoundups = async (current: string) => {
      const entries = journal.entries().filter((e) => e.roundupId !== current);
      if (entries.length === 0) return;
      const ids = new Set((await listRoundups().catch(() => null))?.map((r) => r.id) ?? entries.map((e) => e.roundupId));
      for (const entry of entries) {
        if (!ids.has(entry.roundupId) && !saver.pending(entryKey(entry))) markGone(entry, t('goneRoundup'));
      }
    };
    // One read at a time; notices arriving meanwhile ask for one more read after it.
    let reading: Promise<void> | null = null;
    let again = false;
    const reload = (): void => {
      if (reading) {
        again = true;
        return;
      }
      reading = readCurrent(connection).then(apply, (e: Error) => {
        if (latest.current.phase !== 'ready') setState({ phase: 'failed', message: e.message });
      }).finally(() => {
        reading = null;
        if (again) {
          again = false;
          reload();
        }
      });
    };
    reloadRef.current = reload;
    reload();
    const unsubscribe = connection.onNotice(reload);
    return () => {
      unsubscribe();
      reloadRef.current = () => {};
      saver.dispose();
    };
  }, [connection, saver]);

  const edit = (change: (r: Roundup) => Roundup) =>
    setState((s) => (s.phase === 'ready' ? { ...s, roundup: change(s.roundup) } : s));
  const note = (keys: string[], text: string) =>
    setNotes((n) => new Map([...n, ...keys.map((k) => [k, text] as const)]));

  // No failures (nearly always): the same empty map on every render, so what shows problems
  // (each item, through a context) is not rendered again for it.
  const noProblems = useMemo(() => new Map<string, Problem>(), []);
  const found = new Map<string, Problem>();
  for (const [key, message] of failures) {
    const entry = typed.current.get(key);
    if (!entry) continue; // an order change: the save status tells of it
    const r = stored.current;
    const gone = !r || r.id !== entry.roundupId ? 'roundup'
      : entry.postId !== undefined && !r.items.some((i) => i.postId === entry.postId) ? 'item'
      : null;
    found.set(key, { key, entry, message, gone, note: notes.get(key) });
  }
  const problems = found.size ? found : noProblems;
  /** The problems of one roundup (or one of its items): what a restore brings back. */
  const problemsOf = (roundupId: string, postId?: string) =>
    [...problems.values()].filter((p) => p.entry.roundupId === roundupId && (postId === undefined || p.entry.postId === postId));
  /** Stores the words of `lost` again (the latest typed for each field), and shows them. */
  const resend = (lost: Problem[]) => {
    for (const { key, entry: shown } of lost) {
      const entry = { ...(typed.current.get(key) ?? shown), typedAt: new Date().toISOString() };
      queueText(entry);
      edit((r) => (r.id === entry.roundupId ? withEntry(r, entry) : r));
    }
  };

  const roundupId = state.phase === 'ready' ? state.roundup.id : '';
  const now = () => new Date().toISOString();
  const actions: EditorActions = {
    setRoundupText(field, value) {
      edit((r) => ({ ...r, [field]: value }));
      queueText({ roundupId, field, value, typedAt: now() });
    },
    setItemText(postId, field, value) {
      edit((r) => ({ ...r, items: r.items.map((i) => (i.postId === postId ? { ...i, [field]: value } : i)) }));
      queueText({ roundupId, postId, field, value, typedAt: now() });
    },
    move(postId, to) {
      edit((r) => ({ ...r, items: moveItem(r.items, r.items.findIndex((i) => i.postId === postId), to) }));
      saver.queue(orderKey(roundupId, postId), () => connection.request('moveItem', { roundupId, postId, to }));
      saver.flush();
    },
    remove(postId) {
      const s = latest.current;
      const index = s.phase === 'ready' ? s.roundup.items.findIndex((i) => i.postId === postId) : -1;
      if (s.phase !== 'ready' || index < 0) return null;
      // Words still on their way for this item go first, so "Undo" brings them back too.
      saver.flush();
      edit((r) => ({ ...r, items: r.items.filter((i) => i.postId !== postId) }));
      saver.queue(orderKey(roundupId, postId), () => connection.request('removeItem', { roundupId, postId }));
      saver.flush();
      return { item: s.roundup.items[index]!, index };
    },
    restoreItem(item, index) {
      edit((r) => {
        if (r.items.some((i) => i.postId === item.postId)) return r;
        const items = r.items.slice();
        items.splice(Math.min(index, items.length), 0, item);
        return { ...r, items };
      });
      saver.queue(orderKey(roundupId, item.postId), () => connection.request('restoreItem', { roundupId, item, index }));
      saver.flush();
    },
    settled: () => saver.settled(),
    problems,
    restoreLostItem(lostIn, postId) {
      const lost = problemsOf(lostIn, postId);
      const shown = latest.current.phase === 'ready' ? latest.current.roundup : null;
      const index = shown?.id === lostIn ? shown.items.findIndex((i) => i.postId === postId) : -1;
      // This view's copy of the item where it shows it; else one made of the words kept for it.
      const item: RoundupItem = shown?.items[index] ?? { postId, leadIn: '', commentary: '' };
      if (index < 0) for (const { entry } of lost) if (entry.postId !== undefined) item[entry.field] = entry.value;
      const at = index >= 0 ? index : (shown?.items.length ?? 0);
      connection.request('restoreItem', { roundupId: lostIn, item, index: at }).then(
        () => resend(lost),
        (e: unknown) => note(lost.map((p) => p.key), t('couldNotRestoreItem', reason(e))),
      );
    },
    restoreLostRoundup(lostId) {
      const lost = problemsOf(lostId);
      connection.request('restoreFromTrash', { id: roundupTrashId(lostId) }).then(
        () => resend(lost),
        (e: unknown) => note(lost.map((p) => p.key), t('couldNotRestoreRoundup', reason(e))),
      );
    },
    copyWords(key) {
      const words = typed.current.get(key)?.value ?? '';
      Promise.resolve()
        .then(() => navigator.clipboard.writeText(words))
        .then(
          () => note([key], t('copied')),
          () => note([key], t('couldNotCopyWords')),
        );
    },
    discardWords(key) {
      saver.drop(key);
      journal.forget(key);
      typed.current.delete(key);
      forgetNote(key);
      // The view takes the stored text again (an item removed elsewhere leaves it).
      reloadRef.current();
    },
  };

  return { state, saveStatus, actions };
}
