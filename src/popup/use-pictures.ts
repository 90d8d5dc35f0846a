// The pictures the editor shows: the kept copies (model/media.ts) of the roundup's avatars,
// photos, posters and card pictures, as object URLs of their bytes, so the editor still loads
// nothing from the network. Read in one transaction for every post of the roundup, after the
// roundup has shown (an effect runs after the first paint); one object URL per copy, revoked
// once no post in view shows it (an item removed, another roundup opened) or the view closes.
//
// Copies made later (the background copies after a clip arrives) are read again when the
// roundup is: every change notice makes the editor read it again (use-editor.ts, through
// `connection.onNotice`) and hand over a new `posts` record; only pictures not yet shown from a
// copy are read then.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { picturesOf, type CopyRecord } from '../model/media';
import type { Post } from '../model/post';
import type { RoundupItem } from '../model/roundup';
import { readPictureCopies } from './editor-db';

/** A picture as the editor shows it: from its copy (`src`, an object URL), or why it has none. */
export interface PictureShown {
  src?: string;
  missing?: string;
}

/** By the URL the post holds; a picture not in it (never tried) shows as words, as before. */
export type Pictures = ReadonlyMap<string, PictureShown>;

type Read = (urls: readonly string[]) => Promise<ReadonlyMap<string, CopyRecord>>;

/**
 * Holds the object URLs of the pictures in view. `want` says which pictures are in view and
 * reads those not shown from a copy yet (one read at a time: a call meanwhile reads again
 * after it); `dispose` revokes them all. `publish` gets what to show whenever it changes.
 */
export function createPictureKeeper(publish: (pictures: Pictures) => void, read: Read = readPictureCopies) {
  const held = new Map<string, PictureShown>();
  let wanted: ReadonlySet<string> = new Set();
  let reading = false;
  let again = false;
  let disposed = false;

  const refresh = async (): Promise<void> => {
    if (reading) return void (again = true);
    const urls = [...wanted].filter((url) => !held.get(url)?.src);
    if (urls.length === 0) return;
    reading = true;
    let changed = false;
    try {
      const found = await read(urls);
      for (const url of urls) {
        if (disposed || !wanted.has(url) || held.get(url)?.src) continue;
        const shown = showOf(found.get(url));
        const before = held.get(url);
        if (shown) held.set(url, shown);
        else held.delete(url);
        if (shown?.src || shown?.missing !== before?.missing) changed = true;
      }
    } catch {
      // The database cannot be read now: the pictures stay words, and the next read tries again.
    } finally {
      reading = false;
    }
    if (disposed) return;
    if (changed) publish(new Map(held));
    if (again) {
      again = false;
      return refresh();
    }
  };

  return {
    want(urls: ReadonlySet<string>): Promise<void> {
      if (disposed) return Promise.resolve();
      wanted = urls;
      let changed = false;
      for (const [url, shown] of held) {
        if (urls.has(url)) continue;
        if (shown.src) URL.revokeObjectURL(shown.src);
        held.delete(url);
        changed = true;
      }
      if (changed) publish(new Map(held));
      return refresh();
    },
    dispose() {
      disposed = true;
      for (const shown of held.values()) if (shown.src) URL.revokeObjectURL(shown.src);
      held.clear();
    },
  };
}

/** A copy as shown: kept bytes as an object URL, or why it is missing. */
function showOf(copy: CopyRecord | undefined): PictureShown | undefined {
  if (copy?.status === 'missing') return { missing: copy.reason.replace(/\.$/, '') };
  try {
    return copy && { src: URL.createObjectURL(copy.bytes) };
  } catch {
    return undefined; // not bytes a page can show: the words stay
  }
}

const NONE: Pictures = new Map();

/** The pictures of the roundup's posts (in `items` order), for PostList → PostItem → PostCard. */
export function usePictures(items: readonly RoundupItem[], posts: Readonly<Record<string, Post>>): Pictures {
  const [pictures, setPictures] = useState(NONE);
  const [keeper] = useState(() => createPictureKeeper(setPictures));
  // Typing changes `items` but not which posts are in view: the pictures follow the ids.
  const ids = items.map((i) => i.postId).join('\n');
  const wanted = useMemo(() => {
    const urls = new Set<string>();
    for (const id of ids.split('\n')) {
      const post = posts[id];
      if (post) for (const picture of picturesOf(post)) urls.add(picture.url);
    }
    return urls;
  }, [ids, posts]);
  useEffect(() => void keeper.want(wanted), [keeper, wanted]);
  useEffect(() => () => keeper.dispose(), [keeper]);
  return pictures;
}
