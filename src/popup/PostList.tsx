// The "Posts" list, in roundup order, and drag-and-drop between its items. Dragging carries the
// item under Roundup's own type, so a textbox it passes over never takes it as text. From the
// keyboard, Alt+Up / Alt+Down in an item moves it, and a status line says where it went.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ItemTextField, RoundupItem } from '../model/roundup';
import type { Post } from '../model/post';
import { PostItem } from './PostItem';
import type { Pictures } from './use-pictures';
import { t } from '../platform/i18n';

export const DRAG_TYPE = 'application/x-roundup-item';

/** Items in the first frame: a screenful and more. The rest follow in the next task. */
const FIRST = 12;

/**
 * How many of the items to render: a screenful at first, the rest in the task after, so a long
 * roundup shows (and takes keys) at once and every item is in the page and the accessibility
 * tree a moment later. (Slices of 40 were measured too: each pays the list's layout again, and
 * every item took 174 ms against 137 in one go.) `all`: every item at once (a caret to put
 * back in one).
 */
function useShown(count: number, all: boolean): number {
  const [shown, setShown] = useState(all ? Infinity : FIRST);
  useEffect(() => {
    if (shown >= count) return;
    const timer = setTimeout(() => setShown(Infinity), 0);
    return () => clearTimeout(timer);
  }, [shown, count]);
  return shown;
}

interface Props {
  items: RoundupItem[];
  /** Render every item in the first frame (the caret is to go back into one of them). */
  all?: boolean;
  posts: Record<string, Post>;
  /** The kept pictures of these posts (use-pictures.ts). */
  pictures?: Pictures;
  onText(postId: string, field: ItemTextField, value: string): void;
  onMove(postId: string, to: number): void;
  onRemove(postId: string): void;
}

/** The item (its post id and place) an event happened in. */
function itemAt(e: Event, items: RoundupItem[]): { postId: string; index: number } | null {
  const li = e.target instanceof Element ? e.target.closest<HTMLElement>('li[data-post-id]') : null;
  const postId = li?.dataset.postId;
  const index = postId ? items.findIndex((i) => i.postId === postId) : -1;
  return postId && index >= 0 ? { postId, index } : null;
}

// The list listens for every item (five listeners, not five per item: a long roundup opens
// faster); each item's grip is what starts a drag.
export function PostList({ items, posts, pictures, all = false, onText, onMove, onRemove }: Props) {
  const shown = useShown(items.length, all);
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [moved, setMoved] = useState('');
  // The field the writer was in when Alt+Up/Down moved its item: given focus again, the caret
  // where it was (moving an element in the page can take its focus away).
  const refocus = useRef<{ place: string; start: number; end: number } | null>(null);
  useLayoutEffect(() => {
    const at = refocus.current;
    refocus.current = null;
    if (!at) return;
    const field = document.querySelector<HTMLTextAreaElement | HTMLInputElement>(`[data-place="${CSS.escape(at.place)}"]`);
    if (!field) return;
    if (document.activeElement !== field) field.focus();
    field.setSelectionRange(at.start, at.end);
  }, [items]);
  /** Alt+Up / Alt+Down in an item's field or button: the item moves one place, and it is said. */
  const key = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const at = itemAt(e, items);
    if (!at) return;
    e.preventDefault();
    const to = at.index + (e.key === 'ArrowUp' ? -1 : 1);
    if (to < 0 || to >= items.length) return setMoved(t(to < 0 ? 'alreadyFirst' : 'alreadyLast'));
    const field = e.target as HTMLTextAreaElement | HTMLInputElement;
    const place = field.dataset?.place;
    if (place && typeof field.selectionStart === 'number') refocus.current = { place, start: field.selectionStart, end: field.selectionEnd ?? field.selectionStart };
    onMove(at.postId, to);
    setMoved(t('movedTo', to + 1, items.length));
  };
  const end = () => {
    setDragged(null);
    setOver(null);
  };
  const start = (e: DragEvent) => {
    const at = itemAt(e, items);
    if (!at || !(e.target instanceof Element) || !e.target.classList.contains('item__grip')) return;
    e.dataTransfer?.setData(DRAG_TYPE, at.postId);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    setDragged(at.postId);
  };
  const enter = (e: DragEvent) => {
    const at = itemAt(e, items);
    if (!at || !e.dataTransfer?.types.includes(DRAG_TYPE)) return;
    e.preventDefault(); // allows the drop here
    e.dataTransfer.dropEffect = 'move';
    if (over !== at.index) setOver(at.index);
  };
  const drop = (e: DragEvent) => {
    const at = itemAt(e, items);
    const moved = e.dataTransfer?.getData(DRAG_TYPE) || dragged;
    if (!at || !moved) return;
    e.preventDefault();
    if (moved !== at.postId) onMove(moved, at.index);
    end();
  };
  return (
    <>
    <ol class="items" aria-label={t('posts')} onDragStart={start} onDragEnd={end} onDragOver={enter} onDragEnter={enter} onDrop={drop} onKeyDown={key}>
      {(shown < items.length ? items.slice(0, shown) : items).map((item, index) => (
        <PostItem
          key={item.postId}
          item={item}
          post={posts[item.postId]}
          index={index}
          count={items.length}
          dropTarget={dragged !== null && dragged !== item.postId && over === index}
          pictures={pictures}
          onText={onText}
          onMove={onMove}
          onRemove={onRemove}
        />
      ))}
    </ol>
    <p class="sr-only" role="status">
      {moved}
    </p>
    </>
  );
}
