// Every roundup: drafts first, last edited first; published ones kept apart. Opening one makes
// it current (new clips go there).
import type { RoundupSummary } from '../store/reads';
import { plural, t, uiLanguage } from '../platform/i18n';

export interface LibraryActions {
  create(): void;
  open(id: string): void;
  rename(id: string): void;
  setPublished(id: string, published: boolean): void;
  remove(summary: RoundupSummary): void;
}

const titleOf = (r: RoundupSummary) => r.title.trim() || t('untitledRoundup');

function edited(iso: string, now: number): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes)) return '';
  const rtf = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  if (minutes < 48 * 60) return rtf.format(-Math.round(minutes / 60), 'hour');
  return new Date(iso).toLocaleDateString(uiLanguage(), { year: 'numeric', month: 'short', day: 'numeric' });
}

function Row({ r, actions, now }: { r: RoundupSummary; actions: LibraryActions; now: number }) {
  const id = `roundup-${r.id}`;
  return (
    <li class="roundup">
      <button type="button" class="roundup__open" id={id} aria-current={r.current ? 'true' : undefined} onClick={() => actions.open(r.id)}>
        {titleOf(r)}
      </button>
      <span class="roundup__facts">
        {t(r.current ? 'roundupFactsCurrent' : 'roundupFacts', plural('postCount', r.postCount), edited(r.updatedAt, now))}
      </span>
      <span class="roundup__actions">
        <button type="button" aria-describedby={id} onClick={() => actions.rename(r.id)}>
          {t('rename')}
        </button>
        <button type="button" aria-describedby={id} onClick={() => actions.setPublished(r.id, !r.publishedAt)}>
          {t(r.publishedAt ? 'backToDrafts' : 'markPublished')}
        </button>
        <button type="button" class="danger" aria-describedby={id} onClick={() => actions.remove(r)}>
          {t('delete')}
        </button>
      </span>
    </li>
  );
}

export function Library({ roundups, actions }: { roundups: RoundupSummary[]; actions: LibraryActions }) {
  const now = Date.now();
  const drafts = roundups.filter((r) => !r.publishedAt);
  const published = roundups.filter((r) => r.publishedAt);
  return (
    <section class="library" aria-labelledby="library-heading">
      <div class="library__head">
        <h2 id="library-heading">{t('yourRoundups')}</h2>
        <button type="button" class="primary" onClick={actions.create}>
          {t('newRoundup')}
        </button>
      </div>
      <ul class="roundups" aria-label={t('drafts')}>
        {drafts.map((r) => (
          <Row key={r.id} r={r} actions={actions} now={now} />
        ))}
      </ul>
      {drafts.length === 0 && <p class="hint">{t('noDrafts')}</p>}
      {published.length > 0 && (
        <details class="published">
          <summary>{t('publishedCount', published.length)}</summary>
          <ul class="roundups" aria-label={t('published')}>
            {published.map((r) => (
              <Row key={r.id} r={r} actions={actions} now={now} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
