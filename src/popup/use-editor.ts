// The editor's one piece of state: the current roundup, its posts, and whether every edit is
// stored. Edits change the view at once and are stored through the saver.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Post } from '../model/post';
import { moveItem, type ItemTextField, type Roundup, type RoundupTextField } from '../model/roundup';
import type { Connection } from './connection';
import { createSaver, type SaveStatus } from './saver';

export type EditorState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; roundup: Roundup; posts: Record<string, Post> };

export interface EditorActions {
  setRoundupText(field: RoundupTextField, value: string): void;
  setItemText(postId: string, field: ItemTextField, value: string): void;
  move(postId: string, to: number): void;
  remove(postId: string): void;
}

export function useEditor(connection: Connection) {
  const [state, setState] = useState<EditorState>({ phase: 'loading' });
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'saved' });
  const saver = useMemo(() => createSaver(setSaveStatus), []);

  useEffect(() => {
    connection.request('getCurrentRoundup', {}).then(
      ({ roundup, posts }) => setState({ phase: 'ready', roundup, posts: Object.fromEntries(posts.map((p) => [p.id, p])) }),
      (e: Error) => setState({ phase: 'failed', message: e.message }),
    );
    return () => saver.dispose();
  }, [connection, saver]);

  const edit = (change: (r: Roundup) => Roundup) =>
    setState((s) => (s.phase === 'ready' ? { ...s, roundup: change(s.roundup) } : s));

  const roundupId = state.phase === 'ready' ? state.roundup.id : '';
  const actions: EditorActions = {
    setRoundupText(field, value) {
      edit((r) => ({ ...r, [field]: value }));
      saver.queue(`roundup:${field}`, () => connection.request('setRoundupText', { roundupId, field, value }));
    },
    setItemText(postId, field, value) {
      edit((r) => ({ ...r, items: r.items.map((i) => (i.postId === postId ? { ...i, [field]: value } : i)) }));
      saver.queue(`item:${postId}:${field}`, () => connection.request('setItemText', { roundupId, postId, field, value }));
    },
    move(postId, to) {
      edit((r) => ({ ...r, items: moveItem(r.items, r.items.findIndex((i) => i.postId === postId), to) }));
      saver.queue(`order:${postId}`, () => connection.request('moveItem', { roundupId, postId, to }));
      saver.flush();
    },
    remove(postId) {
      edit((r) => ({ ...r, items: r.items.filter((i) => i.postId !== postId) }));
      saver.queue(`remove:${postId}`, () => connection.request('removeItem', { roundupId, postId }));
      saver.flush();
    },
  };

  return { state, saveStatus, actions };
}
