// The one typed map of every message that crosses between contexts: name → request → response.
// Content script → background: clip state of posts. Editor → background: every edit, so the last
// keystroke reaches a context that outlives the editor page (see DESIGN.md, "Mind how a page dies").
import type { Post } from './model/post';
import type { Roundup, RoundupItem, RoundupTextField, ItemTextField } from './model/roundup';
import type { Settings } from './model/settings';
import type { BackupData } from './export/backup';
import type { ImportSummary } from './store/backup';
import type { TrashEntry } from './model/trash';
import type { CopiesSummary } from './store/copies';
import type { PublishState, SendReport, SendRequest, SiteForm, SiteSummary } from './publish/types';

/** What the editor learns of its tab's page, to offer "Clip posts on <host>". */
export interface MastodonTab {
  /** `https://host`, or '' when the page cannot be a Mastodon instance (X, Bluesky, not https). */
  origin: string;
  host: string;
  /** The server answers as Mastodon's API does. */
  mastodon: boolean;
  /** Roundup runs there (permission granted and the instance listed). */
  enabled: boolean;
}

export interface ClipState {
  roundupId: string;
  /** Posts in the current roundup, so a button can show its state. */
  count: number;
}

/** What a removal did with the item's words: moved them to the Trash (its entry id), or nothing to keep. */
export interface Removal {
  /** Set when the item held words: the Trash entry that can put it back ("Undo"). */
  trashId?: string;
}

export interface MessageMap {
  /**
   * Adds the post to the current roundup, or removes it when it is already there. A removed
   * item that holds words goes to the Trash (`trashId`), so the page can offer "Undo".
   */
  toggleClip: { request: { post: Post }; response: ClipState & { clipped: boolean } & Removal };
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
  /** Removes the item; one that holds words goes to the Trash. Removing an absent item is no error. */
  removeItem: { request: { roundupId: string; postId: string }; response: ClipState & Removal };
  getSettings: { request: Record<string, never>; response: Settings };
  updateSettings: { request: { patch: Partial<Settings> }; response: Settings };
  /**
   * A new, empty roundup that becomes the current one (new clips go there). The editor names
   * its id, so a request sent twice (after a reconnect) makes one roundup, not two.
   */
  createRoundup: { request: { title: string; roundupId?: string }; response: ClipState };
  setCurrentRoundup: { request: { roundupId: string }; response: ClipState };
  /** Moves the roundup to the Trash (`restoreFromTrash` puts it back); one already there is no error. */
  deleteRoundup: { request: { roundupId: string }; response: ClipState & Removal };
  /** Puts a Trash entry back: an item at its place (words and all), or a deleted roundup. */
  restoreFromTrash: { request: { id: string }; response: ClipState };
  /** Deletes every Trash entry for good. */
  emptyTrash: { request: Record<string, never>; response: { removed: number } };
  /** The language the roundup's exports write their dates and fixed words in (a BCP 47 tag). */
  setRoundupLanguage: { request: { roundupId: string; language: string }; response: { language: string } };
  /** Published roundups are kept, listed apart from the drafts. */
  setPublished: { request: { roundupId: string; published: boolean }; response: { roundupId: string } };
  /** Undo of removeItem in the editor: the item back at `index`, with its words and any kept in the Trash. */
  restoreItem: { request: { roundupId: string; item: RoundupItem; index: number }; response: ClipState };
  /** Every roundup, post and setting, for the JSON backup. */
  exportAll: { request: Record<string, never>; response: BackupData };
  /** A backup file's text: validated in full by the background, then written in one transaction. */
  importBackup: { request: { text: string }; response: ImportSummary };
  /** Every post id in the current roundup: a content script's view of what is clipped. */
  getClips: { request: Record<string, never>; response: ClipSnapshot };
  /** Adds the post unless the current roundup holds it already (never removes: "Clip this post"). */
  clipPost: { request: { post: Post }; response: ClipState & { added: boolean } };
  /**
   * "Clip thread": the author's self-thread, in order, as consecutive items at the end of the
   * current roundup (those it holds already stay in place). `added`: how many became items.
   */
  clipThread: { request: { posts: Post[] }; response: ClipState & { added: number } };
  /** "Clip thread" where the network's API has the whole thread (Bluesky): the background reads it. */
  clipThreadOf: { request: { postId: string }; response: ClipState & { added: number } };
  /**
   * The editor asks of its tab's page: is it a Mastodon instance (its API says so, not its
   * name), and does Roundup run there? `origin` is '' for a page that cannot be one.
   */
  mastodonTab: { request: { url: string }; response: MastodonTab };
  /** Once the writer granted the instance's host permission (editor or Settings): clip posts there, in open tabs too. */
  enableMastodon: { request: { origin: string }; response: MastodonTab };
  /** The Mastodon instances Roundup runs on (Settings lists them). */
  listMastodon: { request: Record<string, never>; response: { origins: string[] } };
  /** Stops running on the instance and gives its permission back; the instances left. */
  disableMastodon: { request: { origin: string }; response: { origins: string[] } };
  /** A post known only by its link (context menu off X): stored as a minimal, partial post. */
  clipLink: { request: { url: string; pageUrl?: string }; response: ClipState & { added: boolean; postId: string } };
  /** The space the kept copies of pictures take, and how many could not be copied (Settings shows it). */
  getCopiesSummary: { request: Record<string, never>; response: CopiesSummary };
  /**
   * Tries now to copy every picture a roundup shows that has no kept copy, however often it
   * failed before (the editor asks). `trying`: how many are being fetched; the copies land
   * later, and a `changed` notice with `copies: true` says so.
   */
  retryCopies: { request: Record<string, never>; response: { trying: number } };
  /**
   * Publishing (src/publish, background/publish.ts). "Check connection": asks the site who the
   * password belongs to; stores nothing. The password travels only from Settings to here.
   */
  checkWordPressSite: { request: SiteForm; response: { url: string; name: string; canUpload: boolean } };
  /** Checks the site as above, then keeps it (replacing the one saved before): the only site Roundup sends to. */
  saveWordPressSite: { request: SiteForm; response: SiteSummary };
  /** Forgets the site and its password (drafts and pictures already on the site stay there). */
  removeWordPressSite: { request: Record<string, never>; response: { removed: boolean } };
  /** The saved site (no password) and, given a roundup, the draft it was last sent to there. */
  getPublishState: { request: { roundupId?: string }; response: PublishState };
  /**
   * "Send to WordPress": uploads the pictures the site lacks, then creates or updates the
   * roundup's draft. Long (one upload per picture): the background does not hold other
   * requests behind it.
   */
  sendToWordPress: { request: SendRequest; response: SendReport };
}

export type MessageType = keyof MessageMap;
export type Request<T extends MessageType> = MessageMap[T]['request'];
export type Response<T extends MessageType> = MessageMap[T]['response'];
export type Message<T extends MessageType = MessageType> = { [K in T]: { type: K } & Request<K> }[T];

/**
 * What every handler's answer travels as: errors are values, so a caller can show them.
 * `transient`: the request may succeed if sent again (storage busy or full, a worker stopping);
 * without it the request can never succeed as it is (the item or roundup is gone, it is malformed).
 */
export type Reply<T extends MessageType> = { ok: true; value: Response<T> } | { ok: false; error: string; transient?: boolean };

export type SenderKind = 'content' | 'extension';
const CONTENT: readonly SenderKind[] = ['content'];
const EXTENSION: readonly SenderKind[] = ['extension'];

/** Which contexts may send each message; the router checks the sender against it. */
export const SENDERS: Record<MessageType, readonly SenderKind[]> = {
  toggleClip: CONTENT,
  getCurrentRoundup: EXTENSION,
  setRoundupText: EXTENSION,
  setItemText: EXTENSION,
  moveItem: EXTENSION,
  removeItem: EXTENSION,
  getSettings: ['content', 'extension'],
  updateSettings: EXTENSION,
  createRoundup: EXTENSION,
  setCurrentRoundup: EXTENSION,
  deleteRoundup: EXTENSION,
  restoreFromTrash: ['content', 'extension'],
  emptyTrash: EXTENSION,
  setRoundupLanguage: EXTENSION,
  setPublished: EXTENSION,
  restoreItem: EXTENSION,
  exportAll: EXTENSION,
  importBackup: EXTENSION,
  getClips: ['content', 'extension'],
  clipPost: CONTENT,
  clipThread: CONTENT,
  clipThreadOf: CONTENT,
  clipLink: EXTENSION,
  mastodonTab: EXTENSION,
  enableMastodon: EXTENSION,
  listMastodon: EXTENSION,
  disableMastodon: EXTENSION,
  getCopiesSummary: EXTENSION,
  retryCopies: EXTENSION,
  // Never from a page: the site's password and its drafts are the extension's alone.
  checkWordPressSite: EXTENSION,
  saveWordPressSite: EXTENSION,
  removeWordPressSite: EXTENSION,
  getPublishState: EXTENSION,
  sendToWordPress: EXTENSION,
};

/** Requests that wait on the network: an editor's port handles them beside its queue of edits, not in it. */
export const LONG_REQUESTS: ReadonlySet<MessageType> = new Set<MessageType>(['checkWordPressSite', 'saveWordPressSite', 'sendToWordPress', 'mastodonTab', 'enableMastodon']);

/**
 * An editor's request on its Port: `requestId` is unique per editor page (`client`), so a
 * request resent after a reconnect is answered from the first run, never done twice.
 */
export interface PortRequest {
  client: string;
  requestId: number;
}

/** The name of the long-lived port an editor view keeps open to the background. */
export const EDITOR_PORT = 'roundup-editor';

/** Posted by the background on every editor port after a change is stored: views re-read. */
export interface ChangeNotice {
  notice: 'changed';
  /** The roundup that changed; absent when the set of roundups or the current one changed. */
  roundupId?: string;
  /** Copies of pictures were kept, found missing or deleted: views showing pictures (or their space) read again. */
  copies?: true;
}

/** The current roundup's clipped post ids, stamped so a late answer never undoes a newer one. */
export interface ClipSnapshot extends ClipState {
  clipped: string[];
  /** Milliseconds since the epoch when the background read it. */
  at: number;
}

/**
 * Background (or popup) → content script, sent with `tabs.sendMessage`. Answers travel as
 * `Reply` values, like the background's; a content script ignores anything else.
 */
export interface ContentMessageMap {
  /** The set of clipped posts changed (in any tab, or in the editor). */
  clipsChanged: { request: { snapshot: ClipSnapshot }; response: null };
  /** Settings changed; the content script needs only these. */
  settingsChanged: { request: { inlineButtons: Settings['inlineButtons'] }; response: null };
  /** Turns select mode on, off, or (no `on`) the other way round. */
  selectMode: { request: { on?: boolean }; response: { on: boolean } };
  /** Clips (or unclips) the post that has keyboard focus. */
  clipFocused: { request: Record<never, never>; response: { postId: string; clipped: boolean } };
  /** Clips the post with this id from the page (context menu on x.com); found: false when it is not on the page. */
  clipPostById: { request: { postId: string }; response: { found: boolean } };
}
export type ContentMessageType = keyof ContentMessageMap;
export type ContentMessage<T extends ContentMessageType = ContentMessageType> = {
  [K in T]: { type: K } & ContentMessageMap[K]['request'];
}[T];
export type ContentReply<T extends ContentMessageType> =
  | { ok: true; value: ContentMessageMap[T]['response'] }
  | { ok: false; error: string };
