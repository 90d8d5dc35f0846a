// The roundup being written: Title, Introduction, the "Posts" list, Closing, the word count and
// the export. The form is there from the first frame; its boxes open for typing once the
// roundup is read. Words that could not be stored show under their field; those whose field is
// not in view (their roundup was deleted elsewhere) show on top, in a box of their own.
import { useMemo, useState } from 'preact/hooks';
import { NOT_ALLOWED_REASON } from '../model/media';
import type { Post } from '../model/post';
import type { Roundup, RoundupTextField } from '../model/roundup';
import { EmptyState } from './EmptyState';
import { lazy } from './lazy';
import type { PreviewFollow } from './export/ExportPreview';
import type { Host } from './host';
import { fieldKey } from './merge';
import { ItemProblems } from './PostItem';
import { PostList } from './PostList';
import { TextField } from './TextField';
import { fieldProblem, type EditorActions, type Problem } from './use-editor';
import { usePictures } from './use-pictures';
import { roundupWordCount } from './word-count';
import { useStable } from './memo';
import { formatNumber, plural, t } from '../platform/i18n';

interface Props {
  roundup: Roundup;
  posts: Record<string, Post>;
  ready: boolean;
  actions: EditorActions;
  host: Host;
  onRemove(postId: string): void;
  /** Render every item in the first frame: the caret goes back into one ("Open in tab"). */
  allItems?: boolean;
}

function WordCount({ roundup, posts }: { roundup: Roundup; posts: Record<string, Post> }) {
  const { yours, total } = roundupWordCount(roundup, posts);
  return <p class="words">{plural('wordCount', yours, formatNumber(total))}</p>;
}

// The catalogue's names of the fields (_locales).
const LABELS = { title: 'title', intro: 'introduction', closing: 'closing', leadIn: 'leadIn', commentary: 'commentary' } as const;

/** Words not stored whose field this view does not show: read-only, with what can be done. */
function LostWords({ lost, actions }: { lost: Problem[]; actions: EditorActions }) {
  if (lost.length === 0) return null;
  return (
    <section class="lost" aria-label={t('wordsNotStored')}>
      {lost.map((p) => (
        <TextField
          key={p.key}
          label={t('fieldNotStored', t(LABELS[p.entry.field]))}
          place={`lost-${p.key}`}
          multiline={p.entry.field !== 'title'}
          value={p.entry.value}
          readOnly
          problem={fieldProblem(p, actions)}
          onInput={() => {}}
        />
      ))}
    </section>
  );
}

/**
 * Where the browser has not let Roundup load pictures from the media hosts (Firefox may leave
 * that ungranted), the editor says so once, above the posts, and asks from a click.
 */
function PicturesNotAllowed({ pictures, host }: { pictures: ReturnType<typeof usePictures>; host: Host }) {
  const [asked, setAsked] = useState('');
  const blocked = [...pictures.values()].filter((p) => p.missing === NOT_ALLOWED_REASON).length;
  if (blocked === 0 || !host.allowPictures) return null;
  const allow = () =>
    host.allowPictures!().then(
      (granted) => setAsked(t(granted ? 'copiesBeingMade' : 'picturesStayLinks')),
      (e: Error) => setAsked(t('couldNotAsk', e.message)),
    );
  return (
    <div class="pictures-blocked" role="status">
      <p>{plural('picturesNoCopy', blocked)}</p>
      <button type="button" onClick={() => void allow()}>
        {t('allowCopies')}
      </button>
      {asked && <p class="hint">{asked}</p>}
    </div>
  );
}

// Export's code (the panel, its preview, WordPress, import) loads when Export first opens.
const ExportPanel = lazy(() => import('./ExportPanel').then((m) => m.ExportPanel));

/** The place a focused field is in, for the preview to follow: its item, or the top or end. */
function placeOf(target: EventTarget | null): PreviewFollow {
  const el = target instanceof Element ? target : null;
  const postId = el?.closest('[data-post-id]')?.getAttribute('data-post-id');
  if (postId) return { postId };
  const place = el?.getAttribute('data-place');
  return place === 'title' || place === 'intro' ? 'top' : place === 'closing' ? 'end' : null;
}

export function EditorView({ roundup, posts, ready, actions, host, onRemove, allItems = false }: Props) {
  const [exporting, setExporting] = useState(false);
  // Where the writer is, for the open export's preview to follow (set only while it is open).
  const [follow, setFollow] = useState<PreviewFollow>(null);
  const onFocusIn = (e: FocusEvent) => {
    const next = placeOf(e.target);
    if (exporting && next && JSON.stringify(next) !== JSON.stringify(follow)) setFollow(next);
  };
  // The same functions on every render, so the items (memoised) are not rendered again for them.
  const onText = useStable(actions.setItemText);
  const onMove = useStable(actions.move);
  const onRemoveItem = useStable(onRemove);
  // The same object while nothing failed, so the items reading it are not rendered again either.
  const itemProblems = useMemo(() => ({ roundupId: roundup.id, actions }), [roundup.id, actions.problems]); // eslint-disable-line react-hooks/exhaustive-deps -- `actions` is read only with its problems
  // The posts' kept pictures, read once the roundup shows; let go when the view closes.
  const pictures = usePictures(roundup.items, posts);
  const readOnly = !ready;
  const problem = (field: RoundupTextField) => fieldProblem(actions.problems.get(fieldKey(roundup.id, field)), actions);
  const lost = [...actions.problems.values()].filter(
    ({ entry }) => entry.roundupId !== roundup.id || (entry.postId !== undefined && !roundup.items.some((i) => i.postId === entry.postId)),
  );
  // A desk: the words, and — once Export is open — the export and its live preview beside them
  // in a wide tab or side panel (popup.css); one column in the popup and in narrow windows.
  return (
    <div class={exporting ? 'desk desk--open' : 'desk'}>
      <div class="desk__words" onFocusIn={onFocusIn}>
        <LostWords lost={lost} actions={actions} />
        <TextField
          label={t('title')}
          place="title"
          value={roundup.title}
          readOnly={readOnly}
          problem={problem('title')}
          onInput={(v) => actions.setRoundupText('title', v)}
        />
        <TextField
          label={t('introduction')}
          rich
          place="intro"
          multiline
          value={roundup.intro}
          readOnly={readOnly}
          problem={problem('intro')}
          onInput={(v) => actions.setRoundupText('intro', v)}
        />
        <h2 id="posts-heading">
          {t('posts')} <span class="count">({formatNumber(roundup.items.length)})</span>
        </h2>
        <PicturesNotAllowed pictures={pictures} host={host} />
        {ready && roundup.items.length === 0 && <EmptyState shortcuts={host.shortcuts} shortcutSettings={host.shortcutSettings} />}
        <ItemProblems.Provider value={itemProblems}>
          <PostList items={roundup.items} posts={posts} pictures={pictures} all={allItems} onText={onText} onMove={onMove} onRemove={onRemoveItem} />
        </ItemProblems.Provider>
        <TextField
          label={t('closing')}
          rich
          place="closing"
          multiline
          value={roundup.closing}
          readOnly={readOnly}
          problem={problem('closing')}
          onInput={(v) => actions.setRoundupText('closing', v)}
        />
        <WordCount roundup={roundup} posts={posts} />
        <button type="button" class="primary" disabled={!ready} aria-expanded={exporting} aria-controls="export-side" onClick={() => setExporting(!exporting)}>
          {t('export')}
        </button>
      </div>
      {exporting && (
        <div class="desk__side" id="export-side">
          <ExportPanel roundup={roundup} posts={posts} host={host} follow={follow} />
        </div>
      )}
    </div>
  );
}
