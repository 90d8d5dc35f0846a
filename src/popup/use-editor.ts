// The editor's one piece of state: the current roundup, its posts, and whether every edit is
// stored. Edits change the view at once and are stored through the saver; changes stored by
// another view or a new clip come in as notices and are merged without touching unsaved text.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Post } from '../model/post';
import { moveItem, type ItemTextField, type Roundup, type RoundupItem, type RoundupTextField } from '../model/roundup';
import type { Connection } from './connection';
import { readCurrent, type Loaded } from './editor-db';
import { fieldKey, mergeStored, orderKey } from './merge';
import { createSaver, type SaveStatus } from './saver';

export type EditorState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; roundup: Roundup; posts: Record<string, Post> };

export interface EditorActions {
  setRoundupText(field: RoundupTextField, value: string): void;
  setItemText(postId: string, field: ItemTextField, value: string): void;
  move(postId: string, to: number): void;
  /** Removes the item; returns what "Undo" needs to put it back. */
  remove(postId: string): { item: RoundupItem; index: number } | null;
  restoreItem(item: RoundupItem, index: number): void;
  /** Resolves once every edit typed so far is stored (before moving to another view). */
  settled(): Promise<void>;
}

const byId = (posts: Post[]) => Object.fromEntries(posts.map((p) => [p.id, p]));

export function useEditor(connection: Connection) {
  const [state, setState] = useState<EditorState>({ phase: 'loading' });
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'saved' });
  const saver = useMemo(() => createSaver(setSaveStatus), []);
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    const apply = ({ roundup, posts }: Loaded) =>
      setState((s) =>
        s.phase === 'ready'
          ? { phase: 'ready', roundup: mergeStored(s.roundup, roundup, saver.pending), posts: { ...s.posts, ...byId(posts) } }
          : { phase: 'ready', roundup, posts: byId(posts) },
      );
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
    reload();
    const unsubscribe = connection.onNotice(reload);
    return () => {
      unsubscribe();
      saver.dispose();
    };
  }, [connection, saver]);

  const edit = (change: (r: Roundup) => Roundup) =>
    setState((s) => (s.phase === 'ready' ? { ...s, roundup: change(s.roundup) } : s));

  const roundupId = state.phase === 'ready' ? state.roundup.id : '';
  const actions: EditorActions = {
    setRoundupText(field, value) {
      edit((r) => ({ ...r, [field]: value }));
      saver.queue(fieldKey(roundupId, field), () => connection.request('setRoundupText', { roundupId, field, value }));
    },
    setItemText(postId, field, value) {
      edit((r) => ({ ...r, items: r.items.map((i) => (i.postId === postId ? { ...i, [field]: value } : i)) }));
      saver.queue(fieldKey(roundupId, field, postId), () => connection.request('setItemText', { roundupId, postId, field, value }));
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
  };

  return { state, saveStatus, actions };
}
