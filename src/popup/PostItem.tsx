// One item of the roundup: the lead-in written before the post, the post, the commentary after
// it, and the controls to move or remove it.
import type { Post } from '../model/post';
import type { RoundupItem } from '../model/roundup';
import type { EditorActions } from './use-editor';
import { PostCard } from './PostCard';
import { TextField } from './TextField';

interface Props {
  item: RoundupItem;
  post: Post | undefined;
  index: number;
  count: number;
  actions: EditorActions;
}

export function PostItem({ item, post, index, count, actions }: Props) {
  const { postId } = item;
  return (
    <li class="item">
      <TextField
        label="Lead-in"
        multiline
        value={item.leadIn}
        placeholder="Optional: a line before the post"
        onInput={(v) => actions.setItemText(postId, 'leadIn', v)}
      />
      {post ? <PostCard post={post} /> : <p class="post post--missing">This post is no longer stored.</p>}
      <TextField
        label="Commentary"
        multiline
        value={item.commentary}
        placeholder="Your take on this post"
        onInput={(v) => actions.setItemText(postId, 'commentary', v)}
      />
      <div class="item__controls">
        <span class="item__position">
          {index + 1} of {count}
        </span>
        <button type="button" disabled={index === 0} onClick={() => actions.move(postId, index - 1)}>
          Move up
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => actions.move(postId, index + 1)}>
          Move down
        </button>
        <button type="button" class="danger" onClick={() => actions.remove(postId)}>
          Remove
        </button>
      </div>
    </li>
  );
}
