// What the writer removed: items taken out of a roundup (with their words and place) and
// deleted roundups, newest first. "Restore" puts one back; "Empty trash" deletes them all for
// good, after asking. Entries older than 30 days are gone by themselves (model/trash.ts).
import { useState } from 'preact/hooks';
import { TRASH_DAYS, type TrashEntry } from '../model/trash';
import type { TrashContents } from './use-trash';
import { plural, t, uiLanguage } from '../platform/i18n';

export interface TrashActions {
  restore(entry: TrashEntry): void;
  empty(): void;
}

const untitled = (title: string) => title.trim() || t('untitledRoundup');
/** The first words of a text, for a one-line reminder of what was written. */
const firstWords = (text: string, max = 90) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}

function describe(entry: TrashEntry, contents: TrashContents): { what: string; facts: string } {
  if (entry.kind === 'roundup') {
    const facts = t('trashRoundupFacts', plural('postCount', entry.roundup.items.length), when(entry.deletedAt));
    return { what: t('trashRoundup', untitled(entry.roundup.title)), facts };
  }
  const handle = contents.posts[entry.item.postId]?.author.handle;
  const words = firstWords(entry.item.commentary) || firstWords(entry.item.leadIn);
  return {
    what: handle ? t('trashPostBy', handle, words) : t('trashAPost', words),
    facts: t('trashItemFacts', untitled(entry.roundupTitle), when(entry.deletedAt)),
  };
}

export function Trash({ contents, actions }: { contents: TrashContents | null; actions: TrashActions }) {
  const [confirming, setConfirming] = useState(false);
  const entries = contents?.entries ?? [];
  return (
    <section class="trash" aria-labelledby="trash-heading">
      <div class="library__head">
        <h2 id="trash-heading">{t('trash')}</h2>
        {entries.length > 0 && !confirming && (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t('emptyTrash')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-empty">
          <p id="confirm-empty">
            {plural('confirmEmpty', entries.length)}
          </p>
          <button
            type="button"
            class="danger"
            onClick={() => {
              setConfirming(false);
              actions.empty();
            }}
          >
            {t('deleteForever')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
      <p class="hint">{t('trashHint', TRASH_DAYS)}</p>
      <ul class="roundups" aria-label={t('trash')}>
        {entries.map((entry) => {
          const { what, facts } = describe(entry, contents!);
          const id = `trash-${entry.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
          return (
            <li key={entry.id} class="roundup">
              <span class="trash__what" id={id}>
                {what}
              </span>
              <span class="roundup__facts">{facts}</span>
              <span class="roundup__actions">
                <button type="button" aria-describedby={id} onClick={() => actions.restore(entry)}>
                  {t('restore')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {contents && entries.length === 0 && <p class="hint">{t('trashIsEmpty')}</p>}
    </section>
  );
}
