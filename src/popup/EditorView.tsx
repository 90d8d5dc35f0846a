// The roundup being written: Title, Introduction, the "Posts" list, Closing, the word count and
// the export. The form is there from the first frame; its boxes open for typing once the
// roundup is read.
import { useState } from 'preact/hooks';
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import { EmptyState } from './EmptyState';
import { ExportPanel } from './ExportPanel';
import type { Host } from './host';
import { PostList } from './PostList';
import { TextField } from './TextField';
import type { EditorActions } from './use-editor';
import { roundupWordCount } from './word-count';

interface Props {
  roundup: Roundup;
  posts: Record<string, Post>;
  ready: boolean;
  actions: EditorActions;
  host: Host;
  onRemove(postId: string): void;
}

function WordCount({ roundup, posts }: { roundup: Roundup; posts: Record<string, Post> }) {
  const { yours, total } = roundupWordCount(roundup, posts);
  return (
    <p class="words">
      {yours} {yours === 1 ? 'word' : 'words'} of yours · {total} with the posts
    </p>
  );
}

export function EditorView({ roundup, posts, ready, actions, host, onRemove }: Props) {
  const [exporting, setExporting] = useState(false);
  const readOnly = !ready;
  return (
    <>
      <TextField label="Title" place="title" value={roundup.title} readOnly={readOnly} onInput={(v) => actions.setRoundupText('title', v)} />
      <TextField
        label="Introduction"
        place="intro"
        multiline
        value={roundup.intro}
        readOnly={readOnly}
        onInput={(v) => actions.setRoundupText('intro', v)}
      />
      <h2 id="posts-heading">
        Posts <span class="count">({roundup.items.length})</span>
      </h2>
      {ready && roundup.items.length === 0 && <EmptyState shortcuts={host.shortcuts} shortcutSettings={host.shortcutSettings} />}
      <PostList items={roundup.items} posts={posts} onText={actions.setItemText} onMove={actions.move} onRemove={onRemove} />
      <TextField
        label="Closing"
        place="closing"
        multiline
        value={roundup.closing}
        readOnly={readOnly}
        onInput={(v) => actions.setRoundupText('closing', v)}
      />
      <WordCount roundup={roundup} posts={posts} />
      <button type="button" class="primary" disabled={!ready} aria-expanded={exporting} aria-controls="export" onClick={() => setExporting(!exporting)}>
        Export
      </button>
      {exporting && <ExportPanel roundup={roundup} posts={posts} host={host} />}
    </>
  );
}
