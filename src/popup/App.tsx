// The editor: the current roundup's title, introduction, posts and closing.
import type { Connection } from './connection';
import { PostItem } from './PostItem';
import { TextField } from './TextField';
import { useEditor } from './use-editor';
import type { SaveStatus } from './saver';

function SaveIndicator({ status }: { status: SaveStatus }) {
  const text = status.state === 'error' ? status.message : status.state === 'saving' ? 'Saving…' : 'All changes stored';
  return (
    <p class={`save save--${status.state}`} role={status.state === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

function EmptyState() {
  return (
    <div class="empty">
      <p>
        <strong>No posts yet.</strong> On x.com, press the clip button in a post's action bar (its name is
        “Clip post”). Clipped posts appear here, in the order you clip them.
      </p>
    </div>
  );
}

export function App({ connection }: { connection: Connection }) {
  const { state, saveStatus, actions } = useEditor(connection);
  if (state.phase === 'loading') return <p class="loading">Opening your roundup…</p>;
  if (state.phase === 'failed') {
    return (
      <p class="save save--error" role="alert">
        Your roundup could not be opened: {state.message}
      </p>
    );
  }
  const { roundup, posts } = state;
  return (
    <main class="editor">
      <header class="editor__header">
        <h1>Roundup</h1>
        <SaveIndicator status={saveStatus} />
      </header>
      <TextField label="Title" value={roundup.title} onInput={(v) => actions.setRoundupText('title', v)} />
      <TextField label="Introduction" multiline value={roundup.intro} onInput={(v) => actions.setRoundupText('intro', v)} />
      <h2 id="posts-heading">
        Posts <span class="count">({roundup.items.length})</span>
      </h2>
      {roundup.items.length === 0 && <EmptyState />}
      <ol class="items" aria-label="Posts">
        {roundup.items.map((item, index) => (
          <PostItem
            key={item.postId}
            item={item}
            post={posts[item.postId]}
            index={index}
            count={roundup.items.length}
            actions={actions}
          />
        ))}
      </ol>
      <TextField label="Closing" multiline value={roundup.closing} onInput={(v) => actions.setRoundupText('closing', v)} />
    </main>
  );
}
