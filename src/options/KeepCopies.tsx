// "Keep copies of photos": the setting, what it does and costs, the space the copies take, and
// — when the browser has not let Roundup load pictures from the media hosts (Firefox may leave
// a host permission ungranted) — a button that asks for it.
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../popup/connection';
import type { CopiesSummary } from '../store/copies';

/** The host permission for the media hosts, as the options page needs it (platform/permissions.ts in the browser). */
export interface PictureAccess {
  /** Whether Roundup may load pictures from the media hosts now. */
  granted(): Promise<boolean>;
  /** Asks the user; call it straight from their click. True when granted. */
  request(): Promise<boolean>;
}

const MB = 1024 * 1024;

function size(bytes: number): string {
  return bytes < MB ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / MB).toFixed(1)} MB`;
}

/** "Copies of 123 pictures take 14.2 MB; 3 could not be copied." */
export function describeCopies({ kept, bytes, missing }: CopiesSummary): string {
  const keptText = kept === 0 ? 'No copies kept yet' : `Copies of ${kept} ${kept === 1 ? 'picture' : 'pictures'} take ${size(bytes)}`;
  return missing > 0 ? `${keptText}; ${missing} could not be copied.` : `${keptText}.`;
}

const HINT_ID = 'keep-copies-hint';

export function KeepCopies({ on, onChange, connection, access }: {
  on: boolean;
  onChange(on: boolean): void;
  connection: Connection;
  access?: PictureAccess;
}) {
  const [summary, setSummary] = useState<CopiesSummary | null>(null);
  const [allowed, setAllowed] = useState<boolean | null>(access ? null : true);
  const [note, setNote] = useState('');

  useEffect(() => {
    let live = true;
    const read = () => {
      connection.request('getCopiesSummary', {}).then(
        (s) => live && setSummary(s),
        (e: Error) => live && setNote(`The space the copies take could not be read: ${e.message}`),
      );
    };
    read();
    // Copies land (or are deleted) after a clip, a grant, a retry, an emptied Trash: the background says so.
    const stop = connection.onNotice((notice) => {
      if (notice.copies) read();
    });
    return () => {
      live = false;
      stop();
    };
  }, [connection]);

  useEffect(() => {
    let live = true;
    access?.granted().then((g) => live && setAllowed(g), () => live && setAllowed(false));
    return () => {
      live = false;
    };
  }, [access]);

  const allow = () => {
    if (!access) return;
    // Straight from the click: the browser asks only from a user's gesture.
    access.request().then(
      (granted) => {
        setAllowed(granted);
        setNote(granted ? 'Allowed: the pictures not copied yet are being copied now.' : 'Not allowed: no pictures are copied until you allow it.');
      },
      (e: Error) => setNote(`The browser could not ask: ${e.message}`),
    );
  };

  const retry = () => {
    connection.request('retryCopies', {}).then(
      ({ trying }) => setNote(trying > 0 ? `Trying ${trying} ${trying === 1 ? 'picture' : 'pictures'} again…` : 'Nothing to try again now.'),
      (e: Error) => setNote(`Could not try again: ${e.message}`),
    );
  };

  return (
    <fieldset>
      <legend>Pictures</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={HINT_ID}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        Keep copies of photos
      </label>
      <p class="hint" id={HINT_ID}>
        Roundup keeps a copy of every picture a clipped post shows (photos, video stills, profile pictures, link
        previews), loaded once from pbs.twimg.com, so your roundups keep their pictures when the posts are deleted.
        The copies take space on this computer. Off: no new copies are made; those already kept stay.
      </p>
      {summary && <p class="hint copies-summary">{describeCopies(summary)}</p>}
      {on && allowed === false && (
        <p class="hint">
          Your browser has not let Roundup load pictures from pbs.twimg.com yet.{' '}
          <button type="button" onClick={allow}>
            Allow copies of photos
          </button>
        </p>
      )}
      {on && summary && summary.missing > 0 && (
        <button type="button" onClick={retry}>
          Try the missing pictures again
        </button>
      )}
      {note && <p class="hint" role="status">{note}</p>}
    </fieldset>
  );
}
