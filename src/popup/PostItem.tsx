// One item of the roundup: the lead-in written before the post, the post, the commentary after
// it, and the controls to move or remove it. The grip drags it (the buttons do the same by
// keyboard); the list handles the dragging for all its items (PostList).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Post } from '../model/post';
import type { ItemTextField, RoundupItem } from '../model/roundup';
import { fieldKey } from './merge';
import { PostCard } from './PostCard';
import { TextField } from './TextField';
import type { Pictures } from './use-pictures';
import { fieldProblem, type EditorActions } from './use-editor';
import { memo } from './memo';
import { t } from '../platform/i18n';

/**
 * The roundup in view and the editor's actions, for the words of an item that could not be
 * stored: given by EditorView around the list, so the list need not pass them through.
 */
export const ItemProblems = createContext<{ roundupId: string; actions: EditorActions } | null>(null);

interface Props {
  item: RoundupItem;
  post: Post | undefined;
  index: number;
  count: number;
  /** Where a dragged item would land: this item is highlighted. */
  dropTarget: boolean;
  /** The kept pictures of the roundup's posts (use-pictures.ts). */
  pictures?: Pictures;
  onText(postId: string, field: ItemTextField, value: string): void;
  onMove(postId: string, to: number): void;
  onRemove(postId: string): void;
}

/**
 * Rendered again only when its own props change: typing in one item of a long roundup leaves
 * the others alone (their item objects, posts and callbacks stay the same: use-editor.ts,
 * EditorView's stable callbacks).
 */
export const PostItem = memo(PostItemView);

function PostItemView({ item, post, index, count, dropTarget, pictures, onText, onMove, onRemove }: Props) {
  const { postId } = item;
  const lost = useContext(ItemProblems);
  const problem = (field: ItemTextField) =>
    lost ? fieldProblem(lost.actions.problems.get(fieldKey(lost.roundupId, field, postId)), lost.actions) : undefined;
  return (
    <li class={dropTarget ? 'item item--over' : 'item'} data-post-id={postId}>
      <TextField
        label={t('leadIn')}
        rich
        multiline
        value={item.leadIn}
        place={`${postId}:leadIn`}
        placeholder={t('leadInPlaceholder')}
        problem={problem('leadIn')}
        onInput={(v) => onText(postId, 'leadIn', v)}
      />
      {post ? <PostCard post={post} pictures={pictures} /> : <p class="post post--missing">{t('postNoLongerStored')}</p>}
      <TextField
        label={t('commentary')}
        rich
        multiline
        value={item.commentary}
        place={`${postId}:commentary`}
        placeholder={t('commentaryPlaceholder')}
        problem={problem('commentary')}
        onInput={(v) => onText(postId, 'commentary', v)}
      />
      <div class="item__controls">
        <span class="item__grip" draggable title={t('dragToReorder')} aria-hidden="true">
          ⠿
        </span>
        <span class="item__position">{t('itemPosition', index + 1, count)}</span>
        <button type="button" disabled={index === 0} aria-keyshortcuts="Alt+ArrowUp" title={t('moveUpHint')} onClick={() => onMove(postId, index - 1)}>
          {t('moveUp')}
        </button>
        <button type="button" disabled={index === count - 1} aria-keyshortcuts="Alt+ArrowDown" title={t('moveDownHint')} onClick={() => onMove(postId, index + 1)}>
          {t('moveDown')}
        </button>
        <button type="button" class="danger" onClick={() => onRemove(postId)}>
          {t('remove')}
        </button>
      </div>
    </li>
  );
}
