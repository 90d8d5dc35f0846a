// The one typed map of every message that crosses between contexts: name → request → response.
// Content script → background: clip state of posts. Editor → background: every edit, so the last
// keystroke reaches a context that outlives the editor page (see DESIGN.md, "Mind how a page dies").
import type { Post } from './model/post';
import type { Roundup, RoundupTextField, ItemTextField } from './model/roundup';
import type { Settings } from './model/settings';

export interface ClipState {
  roundupId: string;
  /** Posts in the current roundup, so a button can show its state. */
  count: number;
}

export interface MessageMap {
  /** Adds the post to the current roundup, or removes it when it is already there. */
  toggleClip: { request: { post: Post }; response: ClipState & { clipped: boolean } };
  /** Which of these post ids the current roundup holds. */
  clippedIds: { request: { postIds: string[] }; response: ClipState & { clipped: string[] } };
  getCurrentRoundup: { request: Record<string, never>; response: { roundup: Roundup; posts: Post[] } };
  setRoundupText: {
    request: { roundupId: string; field: RoundupTextField; value: string };
    response: { updatedAt: string };
  };
  setItemText: {
    request: { roundupId: string; postId: string; field: ItemTextField; value: string };
    response: { updatedAt: string };
  };
  moveItem: { request: { roundupId: string; postId: string; to: number }; response: { postIds: string[] } };
  removeItem: { request: { roundupId: string; postId: string }; response: ClipState };
  getSettings: { request: Record<string, never>; response: Settings };
  updateSettings: { request: { patch: Partial<Settings> }; response: Settings };
}

export type MessageType = keyof MessageMap;
export type Request<T extends MessageType> = MessageMap[T]['request'];
export type Response<T extends MessageType> = MessageMap[T]['response'];
export type Message<T extends MessageType = MessageType> = { [K in T]: { type: K } & Request<K> }[T];

/** What every handler's answer travels as: errors are values, so a caller can show them. */
export type Reply<T extends MessageType> = { ok: true; value: Response<T> } | { ok: false; error: string };

export type SenderKind = 'content' | 'extension';
const CONTENT: readonly SenderKind[] = ['content'];
const EXTENSION: readonly SenderKind[] = ['extension'];

/** Which contexts may send each message; the router checks the sender against it. */
export const SENDERS: Record<MessageType, readonly SenderKind[]> = {
  toggleClip: CONTENT,
  clippedIds: CONTENT,
  getCurrentRoundup: EXTENSION,
  setRoundupText: EXTENSION,
  setItemText: EXTENSION,
  moveItem: EXTENSION,
  removeItem: EXTENSION,
  getSettings: ['content', 'extension'],
  updateSettings: EXTENSION,
};

/** The name of the long-lived port an editor view keeps open to the background. */
export const EDITOR_PORT = 'roundup-editor';
