// The editor app, the same in the toolbar popup, a tab, Chrome's side panel and Firefox's
// sidebar: the header, then either the roundup being written or the list of roundups.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Connection } from './connection';
import { EditorView } from './EditorView';
import { MastodonOffer } from './MastodonOffer';
import type { Host } from './host';
import type { LibraryActions } from './Library';
import { lazy } from './lazy';
import { capturePlace, restorePlace } from './caret';
import type { SaveStatus } from './saver';
import { UndoBar, type Undoable } from './UndoBar';
import { SelectModeButton } from './SelectModeButton';
import { useEditor } from './use-editor';
import { useLibrary } from './use-library';
import type { TrashActions } from './Trash';
import { useTrash } from './use-trash';
import { newRoundup } from '../model/roundup';
import { roundupTrashId } from '../model/trash';
import { t } from '../platform/i18n';

function SaveIndicator({ status }: { status: SaveStatus }) {
  const text = status.state === 'error' ? status.message : t(status.state === 'saving' ? 'saving' : 'allChangesStored');
  return (
    <p class={`save save--${status.state}`} role={status.state === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

const PLACEHOLDER = newRoundup('', '');
// Opened now and then, not as the editor starts: their code loads when first shown.
const Library = lazy(() => import('./Library').then((m) => m.Library));
const Trash = lazy(() => import('./Trash').then((m) => m.Trash));

export function App({ connection, host }: { connection: Connection; host: Host }) {
  const { state, saveStatus, actions } = useEditor(connection);
  const [view, setView] = useState<'editor' | 'library' | 'trash'>('editor');
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [problem, setProblem] = useState('');
  const library = useLibrary(connection, view === 'library');
  const trash = useTrash(connection, view === 'trash');
  const [restored, setRestored] = useState('');
  // A place to put the cursor once the roundup shows: from "Open in tab", or the Title after "Rename".
  const place = useRef(host.home === 'tab' ? location.hash : '');
  const ready = state.phase === 'ready';
  const roundup = ready ? state.roundup : PLACEHOLDER;
  const posts = ready ? state.posts : {};

  useEffect(() => {
    // Once: the items are on screen in the same render that made the roundup ready.
    if (!ready || view !== 'editor' || !place.current) return;
    restorePlace(place.current);
    place.current = '';
  });

  /** Runs a request; a failure is shown. Resolves to whether it succeeded. */
  const request = (run: () => Promise<unknown>): Promise<boolean> =>
    run().then(
      () => (setProblem(''), true),
      (e: Error) => (setProblem(e.message), false),
    );
  const libraryActions: LibraryActions = {
    // The id is made here, so the request sent again after a reconnect makes one roundup, not two.
    create: () => request(() => connection.request('createRoundup', { title: '', roundupId: crypto.randomUUID() })).then((ok) => ok && setView('editor')),
    open: (id) => request(() => connection.request('setCurrentRoundup', { roundupId: id })).then((ok) => ok && setView('editor')),
    rename(id) {
      place.current = '#field=title&start=0&end=100000';
      libraryActions.open(id);
    },
    setPublished: (id, published) => request(() => connection.request('setPublished', { roundupId: id, published })),
    remove(r) {
      request(() => connection.request('deleteRoundup', { roundupId: r.id }));
      setUndoable({
        message: t('deletedRoundup', r.title.trim() || t('untitledRoundup')),
        undo: () => request(() => connection.request('restoreFromTrash', { id: roundupTrashId(r.id) })),
      });
    },
  };
  const trashActions: TrashActions = {
    restore(entry) {
      const where = entry.kind === 'roundup' ? entry.roundup.title : entry.roundupTitle;
      void request(() => connection.request('restoreFromTrash', { id: entry.id })).then((ok) =>
        ok && setRestored(t(entry.kind === 'roundup' ? 'restoredRoundup' : 'restoredItemTo', where.trim() || t('untitledRoundup'))),
      );
    },
    empty: () => void request(() => connection.request('emptyTrash', {})).then((ok) => ok && setRestored(t('trashIsEmpty'))),
  };
  const show = (next: 'library' | 'trash') => {
    setRestored('');
    setView(view === next ? 'editor' : next);
  };
  const removeItem = (postId: string) => {
    const removed = actions.remove(postId);
    const handle = posts[postId]?.author.handle;
    if (removed) setUndoable({ message: handle ? t('removedPostBy', handle) : t('removedPost'), undo: () => actions.restoreItem(removed.item, removed.index) });
  };
  const openInTab = () => actions.settled().then(() => host.openInTab(capturePlace()));
  const openInPanel = () => host.openInPanel?.(actions.settled).catch((e: Error) => setProblem(t('sidePanelFailed', e.message)));

  return (
    <main class={`editor editor--${host.home}`}>
      <header class="editor__header">
        <h1>{t('extName')}</h1>
        {ready && <SaveIndicator status={saveStatus} />}
        <nav class="editor__nav" aria-label={t('extName')}>
          <button type="button" aria-pressed={view === 'library'} onClick={() => show('library')}>
            {t('roundups')}
          </button>
          <button type="button" aria-pressed={view === 'trash'} onClick={() => show('trash')}>
            {t('trash')}
          </button>
          {host.home === 'popup' && (
            <button type="button" onClick={openInTab}>
              {t('openInTab')}
            </button>
          )}
          {host.openInPanel && (
            <button type="button" onClick={openInPanel}>
              {t('openInSidePanel')}
            </button>
          )}
          <button type="button" onClick={() => void host.openSettings()}>
            {t('settings')}
          </button>
          <SelectModeButton home={host.home} />
        </nav>
      </header>
      <MastodonOffer connection={connection} host={host} />
      {state.phase === 'loading' && <p class="loading">{t('openingRoundup')}</p>}
      {state.phase === 'failed' && (
        <p class="save save--error" role="alert">
          {t('roundupUnreadable', state.message)}
        </p>
      )}
      {(problem || library.error || trash.error) && (
        <p class="save save--error" role="alert">
          {problem || library.error || trash.error}
        </p>
      )}
      {view === 'trash' && (
        <p class="save" role="status">
          {restored}
        </p>
      )}
      {view === 'library' ? (
        <Library roundups={library.roundups} actions={libraryActions} />
      ) : view === 'trash' ? (
        <Trash contents={trash.trash} actions={trashActions} />
      ) : (
        <EditorView roundup={roundup} posts={posts} ready={ready} actions={actions} host={host} onRemove={removeItem} allItems={place.current !== ''} />
      )}
      <UndoBar undoable={undoable} onDone={() => setUndoable(null)} />
    </main>
  );
}
