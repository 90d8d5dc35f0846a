// Checks the shape of every request before a handler sees it: a message can come from a
// content script living in a page we do not control.
import { parsePost } from '../model/parse-post';
import { ITEM_TEXT_FIELDS, ROUNDUP_TEXT_FIELDS } from '../model/roundup';
import { parseSettingsPatch } from '../model/settings';
import { languageTag } from '../model/language';
import { ROUNDUP_ID_PATTERN } from '../model/roundup-schema';
import type { MessageType, Request } from '../messages';
import { MAX_BACKUP_CHARS } from '../export/backup-limits';
import { MAX_POST_ID } from '../model/networks';

type Parsed<T extends MessageType> = { ok: true; value: Request<T> } | { ok: false; error: string };
type Fields = Record<string, unknown>;

const MAX_TEXT = 1_000_000;
/** A roundup's WordPress export: its words plus markup for a few hundred posts. */
const MAX_CONTENT = 20_000_000;
const MAX_PICTURES = 5_000;
/** The longest self-thread "Clip thread" takes at once. */
const MAX_THREAD = 200;
/** A picture's name beside an export (export/pictures.ts mediaFileName). */
const MEDIA_FILE = /^media\/[a-z0-9-]+\.[a-z0-9]+$/;

/** The Settings form as typed: an empty field is the publishing code's to name (publish/connect.ts). */
function siteForm(m: Fields) {
  const field = (key: string, max: number) => {
    const v = m[key];
    if (typeof v !== 'string' || v.length > max) throw new Error(`"${key}" must be text of at most ${max} characters`);
    return v;
  };
  return { url: field('url', 2_000), user: field('user', 200), applicationPassword: field('applicationPassword', 200) };
}

function needString(m: Fields, key: string, max = 200): string {
  const v = m[key];
  if (typeof v !== 'string' || v.length === 0) throw new Error(`"${key}" must be a non-empty string`);
  if (v.length > max) throw new Error(`"${key}" is too long`);
  return v;
}

/** A post's id: an address, for a Mastodon post (model/networks.ts). */
const needPostId = (m: Fields): string => needString(m, 'postId', MAX_POST_ID);

/** An id the editor made for a new roundup (a UUID): the characters the backup allows in ids. */
function needId(m: Fields, key: string): string {
  const v = needString(m, key);
  if (!ROUNDUP_ID_PATTERN.test(v)) throw new Error(`"${key}" must be letters, digits, _ . : or -`);
  return v;
}

function needText(m: Fields, key: string): string {
  const v = m[key];
  if (typeof v !== 'string') throw new Error(`"${key}" must be a string`);
  if (v.length > MAX_TEXT) throw new Error(`"${key}" is longer than ${MAX_TEXT} characters`);
  return v;
}

function needOneOf<T extends string>(m: Fields, key: string, allowed: readonly T[]): T {
  const v = m[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new Error(`"${key}" must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

const parsers: { [K in MessageType]: (m: Fields) => Request<K> } = {
  toggleClip(m) {
    const post = parsePost(m.post);
    if (!post.ok) throw new Error(`the post is malformed: ${post.error}`);
    return { post: post.value };
  },
  getCurrentRoundup: () => ({}),
  setRoundupText: (m) => ({
    roundupId: needString(m, 'roundupId'),
    field: needOneOf(m, 'field', ROUNDUP_TEXT_FIELDS),
    value: needText(m, 'value'),
  }),
  setItemText: (m) => ({
    roundupId: needString(m, 'roundupId'),
    postId: needPostId(m),
    field: needOneOf(m, 'field', ITEM_TEXT_FIELDS),
    value: needText(m, 'value'),
  }),
  moveItem(m) {
    const to = m.to;
    if (typeof to !== 'number' || !Number.isInteger(to) || to < 0) throw new Error('"to" must be a position (0 or more)');
    return { roundupId: needString(m, 'roundupId'), postId: needPostId(m), to };
  },
  removeItem: (m) => ({ roundupId: needString(m, 'roundupId'), postId: needPostId(m) }),
  getSettings: () => ({}),
  updateSettings(m) {
    const patch = parseSettingsPatch(m.patch);
    if (!patch.ok) throw new Error(patch.error);
    return { patch: patch.value };
  },
  createRoundup(m) {
    const title = m.title === undefined ? '' : needText(m, 'title');
    return m.roundupId === undefined ? { title } : { title, roundupId: needId(m, 'roundupId') };
  },
  setCurrentRoundup: (m) => ({ roundupId: needString(m, 'roundupId') }),
  deleteRoundup: (m) => ({ roundupId: needString(m, 'roundupId') }),
  restoreFromTrash: (m) => ({ id: needString(m, 'id', MAX_POST_ID + 220) }),
  emptyTrash: () => ({}),
  setRoundupLanguage(m) {
    const language = languageTag(m.language);
    if (!language) throw new Error('"language" must be a language tag (BCP 47, such as "en", "de" or "pt-BR")');
    return { roundupId: needString(m, 'roundupId'), language };
  },
  setPublished(m) {
    if (typeof m.published !== 'boolean') throw new Error('"published" must be true or false');
    return { roundupId: needString(m, 'roundupId'), published: m.published };
  },
  restoreItem(m) {
    const item = (typeof m.item === 'object' && m.item !== null ? m.item : null) as Fields | null;
    if (!item) throw new Error('"item" must be an object');
    const index = m.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) throw new Error('"index" must be a position (0 or more)');
    return {
      roundupId: needString(m, 'roundupId'),
      item: { postId: needPostId(item), leadIn: needText(item, 'leadIn'), commentary: needText(item, 'commentary') },
      index,
    };
  },
  exportAll: () => ({}),
  // Only the envelope here: the handler validates the file itself and names what is wrong.
  importBackup(m) {
    if (typeof m.text !== 'string') throw new Error('"text" must be the backup file\'s text');
    if (m.text.length > MAX_BACKUP_CHARS) throw new Error(`the backup is larger than ${MAX_BACKUP_CHARS} characters`);
    return { text: m.text };
  },
  getClips: () => ({}),
  clipPost(m) {
    const post = parsePost(m.post);
    if (!post.ok) throw new Error(`the post is malformed: ${post.error}`);
    return { post: post.value };
  },
  clipThread(m) {
    const list = m.posts;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_THREAD) throw new Error(`"posts" must be a list of 1 to ${MAX_THREAD} posts`);
    const posts = list.map((p: unknown, i) => {
      const post = parsePost(p, `posts[${i}]`);
      if (!post.ok) throw new Error(`a post of the thread is malformed: ${post.error}`);
      return post.value;
    });
    return { posts };
  },
  clipThreadOf: (m) => ({ postId: needPostId(m) }),
  clipLink(m) {
    const url = needString(m, 'url', 2_000);
    return m.pageUrl === undefined ? { url } : { url, pageUrl: needString(m, 'pageUrl', 2_000) };
  },
  mastodonTab: (m) => ({ url: needString(m, 'url', 2_000) }),
  enableMastodon: (m) => ({ origin: needString(m, 'origin', 300) }),
  listMastodon: () => ({}),
  disableMastodon: (m) => ({ origin: needString(m, 'origin', 300) }),
  getCopiesSummary: () => ({}),
  retryCopies: () => ({}),
  checkWordPressSite: siteForm,
  saveWordPressSite: siteForm,
  removeWordPressSite: () => ({}),
  getPublishState: (m) => (m.roundupId === undefined ? {} : { roundupId: needString(m, 'roundupId') }),
  sendToWordPress(m) {
    const content = m.content;
    if (typeof content !== 'string' || content.length > MAX_CONTENT) throw new Error(`"content" must be the WordPress export (at most ${MAX_CONTENT} characters)`);
    const list = m.pictures;
    if (!Array.isArray(list) || list.length > MAX_PICTURES) throw new Error(`"pictures" must be a list of at most ${MAX_PICTURES}`);
    const pictures = list.map((p: unknown) => {
      const f = (typeof p === 'object' && p !== null ? p : {}) as Fields;
      const url = needString(f, 'url', 4_000);
      const file = needString(f, 'file', 200);
      if (!/^https?:\/\//.test(url)) throw new Error('a picture\'s "url" must be a web address');
      if (!MEDIA_FILE.test(file)) throw new Error('a picture\'s "file" must be media/<name> as the export writes it');
      return { url, file };
    });
    return { roundupId: needString(m, 'roundupId'), title: needText(m, 'title'), content, excerpt: needText(m, 'excerpt'), pictures };
  },
};

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(parsers, type);
}

export function parseRequest<T extends MessageType>(type: T, message: Fields): Parsed<T> {
  try {
    return { ok: true, value: (parsers[type] as (m: Fields) => Request<T>)(message) };
  } catch (e) {
    return { ok: false, error: `Bad "${type}" message: ${(e as Error).message}.` };
  }
}
