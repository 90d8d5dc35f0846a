// The editor: the current roundup's title, introduction, posts and closing.
import { useState } from 'preact/hooks';
import type { Connection } from './connection';
import { ExportPanel } from './ExportPanel';
import { PostItem } from './PostItem';
import { TextField } from './TextField';
import { useEditor } from './use-editor';
import type { SaveStatus } from './saver';
import { newRoundup } from '../model/roundup';

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

const PLACEHOLDER = newRoundup('', '');

export function App({ connection }: { connection: Connection }) {
  const { state, saveStatus, actions } = useEditor(connection);
  const [exporting, setExporting] = useState(false);
  // The form is there from the first frame; its boxes open for typing once the roundup is read.
  const ready = state.phase === 'ready';
  const roundup = ready ? state.roundup : PLACEHOLDER;
  const posts = ready ? state.posts : {};
  return (
    <main class="editor">
      <header class="editor__header">
        <h1>Roundup</h1>
        {state.phase === 'ready' && <SaveIndicator status={saveStatus} />}
      </header>
      {state.phase === 'loading' && <p class="loading">Opening your roundup…</p>}
      {state.phase === 'failed' && (
        <p class="save save--error" role="alert">
          Your roundup could not be opened: {state.message}
        </p>
      )}
      <TextField label="Title" value={roundup.title} readOnly={!ready} onInput={(v) => actions.setRoundupText('title', v)} />
      <TextField label="Introduction" multiline value={roundup.intro} readOnly={!ready} onInput={(v) => actions.setRoundupText('intro', v)} />
      <h2 id="posts-heading">
        Posts <span class="count">({roundup.items.length})</span>
      </h2>
      {ready && roundup.items.length === 0 && <EmptyState />}
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
      <TextField label="Closing" multiline value={roundup.closing} readOnly={!ready} onInput={(v) => actions.setRoundupText('closing', v)} />
      <button type="button" class="primary" disabled={!ready} aria-expanded={exporting} aria-controls="export" onClick={() => setExporting(!exporting)}>
        Export
      </button>
      {exporting && <ExportPanel roundup={roundup} posts={posts} />}
    </main>
  );
}
