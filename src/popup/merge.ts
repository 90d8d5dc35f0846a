// When the stored roundup changed under an open view (another view, a new clip), the view
// takes the stored text of every field except those with edits of its own not yet stored:
// what the user is typing is never replaced by an older stored value. An item removed
// elsewhere while this view holds words for it not yet stored stays in the view, at its place,
// so those words stay on screen until they are stored or the writer lets them go.
import type { Roundup, RoundupItem } from '../model/roundup';
import { ITEM_TEXT_FIELDS, ROUNDUP_TEXT_FIELDS } from '../model/roundup';

/** The saver's key for one field: the roundup's own text, or an item's. */
export const fieldKey = (roundupId: string, field: string, postId?: string) =>
  postId === undefined ? `${roundupId}:${field}` : `${roundupId}:${postId}:${field}`;

/** Order changes (move, remove, restore) are queued under this key prefix. */
export const orderKey = (roundupId: string, postId: string) => `${roundupId}:order:${postId}`;

export function mergeStored(local: Roundup, stored: Roundup, pending: (key: string) => boolean): Roundup {
  if (local.id !== stored.id) return stored;
  const merged: Roundup = { ...stored };
  for (const field of ROUNDUP_TEXT_FIELDS) {
    if (pending(fieldKey(local.id, field))) merged[field] = local[field];
  }
  const localItems = new Map(local.items.map((item) => [item.postId, item]));
  const mine = (item: RoundupItem): RoundupItem => {
    const own = localItems.get(item.postId);
    if (!own) return item;
    const leadIn = pending(fieldKey(local.id, 'leadIn', item.postId)) ? own.leadIn : item.leadIn;
    const commentary = pending(fieldKey(local.id, 'commentary', item.postId)) ? own.commentary : item.commentary;
    return leadIn === item.leadIn && commentary === item.commentary ? item : { ...item, leadIn, commentary };
  };
  // A move or removal of this view's still on its way: keep this view's order until it lands.
  const reordering = local.items.some((i) => pending(orderKey(local.id, i.postId)))
    || stored.items.some((i) => pending(orderKey(local.id, i.postId)));
  if (reordering) {
    const storedItems = new Map(stored.items.map((item) => [item.postId, item]));
    const kept = local.items.map((own) => mine(storedItems.get(own.postId) ?? own));
    const added = stored.items.filter((i) => !localItems.has(i.postId) && !pending(orderKey(local.id, i.postId)));
    merged.items = [...kept, ...added];
  } else {
    merged.items = keepHeld(local, stored.items.map(mine), pending);
  }
  return merged;
}

/** `items` with every local item that has unstored words and is missing from them put back at its place. */
function keepHeld(local: Roundup, items: RoundupItem[], pending: (key: string) => boolean): RoundupItem[] {
  const there = new Set(items.map((i) => i.postId));
  const held = (i: RoundupItem) => !there.has(i.postId) && ITEM_TEXT_FIELDS.some((f) => pending(fieldKey(local.id, f, i.postId)));
  if (!local.items.some(held)) return items;
  const out = items.slice();
  // After the nearest item before it (in this view) that is still there; first if none is.
  let after: string | undefined;
  for (const own of local.items) {
    const keep = held(own);
    if (keep) out.splice(after === undefined ? 0 : out.findIndex((i) => i.postId === after) + 1, 0, own);
    if (keep || there.has(own.postId)) after = own.postId;
  }
  return out;
}
