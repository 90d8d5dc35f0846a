// The "Posts" list, in roundup order, and drag-and-drop between its items. Dragging carries the
// item under Roundup's own type, so a textbox it passes over never takes it as text.
import { useState } from 'preact/hooks';
import type { ItemTextField, RoundupItem } from '../model/roundup';
import type { Post } from '../model/post';
import { PostItem, type ItemDrag } from './PostItem';

export const DRAG_TYPE = 'application/x-roundup-item';

interface Props {
  items: RoundupItem[];
  posts: Record<string, Post>;
  onText(postId: string, field: ItemTextField, value: string): void;
  onMove(postId: string, to: number): void;
  onRemove(postId: string): void;
}

export function PostList({ items, posts, onText, onMove, onRemove }: Props) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const end = () => {
    setDragged(null);
    setOver(null);
  };
  const dragFor = (postId: string, index: number): ItemDrag => ({
    over: dragged !== null && dragged !== postId && over === index,
    start(e) {
      e.dataTransfer?.setData(DRAG_TYPE, postId);
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      setDragged(postId);
    },
    end,
    enter(e) {
      if (!e.dataTransfer?.types.includes(DRAG_TYPE)) return;
      e.preventDefault(); // allows the drop here
      e.dataTransfer.dropEffect = 'move';
      if (over !== index) setOver(index);
    },
    drop(e) {
      const moved = e.dataTransfer?.getData(DRAG_TYPE) || dragged;
      if (!moved) return;
      e.preventDefault();
      if (moved !== postId) onMove(moved, index);
      end();
    },
  });
  return (
    <ol class="items" aria-label="Posts">
      {items.map((item, index) => (
        <PostItem
          key={item.postId}
          item={item}
          post={posts[item.postId]}
          index={index}
          count={items.length}
          drag={dragFor(item.postId, index)}
          onText={onText}
          onMove={onMove}
          onRemove={onRemove}
        />
      ))}
    </ol>
  );
}
