// Every roundup: drafts first, last edited first; published ones kept apart. Opening one makes
// it current (new clips go there).
import type { RoundupSummary } from '../store/reads';

export interface LibraryActions {
  create(): void;
  open(id: string): void;
  rename(id: string): void;
  setPublished(id: string, published: boolean): void;
  remove(summary: RoundupSummary): void;
}

const titleOf = (r: RoundupSummary) => r.title.trim() || 'Untitled roundup';

function edited(iso: string, now: number): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes)) return '';
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  if (minutes < 48 * 60) return rtf.format(-Math.round(minutes / 60), 'hour');
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function Row({ r, actions, now }: { r: RoundupSummary; actions: LibraryActions; now: number }) {
  const id = `roundup-${r.id}`;
  return (
    <li class="roundup">
      <button type="button" class="roundup__open" id={id} aria-current={r.current ? 'true' : undefined} onClick={() => actions.open(r.id)}>
        {titleOf(r)}
      </button>
      <span class="roundup__facts">
        {r.postCount} {r.postCount === 1 ? 'post' : 'posts'} · edited {edited(r.updatedAt, now)}
        {r.current && ' · current'}
      </span>
      <span class="roundup__actions">
        <button type="button" aria-describedby={id} onClick={() => actions.rename(r.id)}>
          Rename
        </button>
        <button type="button" aria-describedby={id} onClick={() => actions.setPublished(r.id, !r.publishedAt)}>
          {r.publishedAt ? 'Back to drafts' : 'Mark as published'}
        </button>
        <button type="button" class="danger" aria-describedby={id} onClick={() => actions.remove(r)}>
          Delete
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
        <h2 id="library-heading">Your roundups</h2>
        <button type="button" class="primary" onClick={actions.create}>
          New roundup
        </button>
      </div>
      <ul class="roundups" aria-label="Drafts">
        {drafts.map((r) => (
          <Row key={r.id} r={r} actions={actions} now={now} />
        ))}
      </ul>
      {drafts.length === 0 && <p class="hint">No drafts. “New roundup” starts one.</p>}
      {published.length > 0 && (
        <details class="published">
          <summary>Published ({published.length})</summary>
          <ul class="roundups" aria-label="Published">
            {published.map((r) => (
              <Row key={r.id} r={r} actions={actions} now={now} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
