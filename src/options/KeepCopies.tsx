// "Keep copies of photos": the setting, what it does and costs, the space the copies take, and
// — when the browser has not let Roundup load pictures from the media hosts (Firefox may leave
// a host permission ungranted) — a button that asks for it.
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../popup/connection';
import type { CopiesSummary } from '../store/copies';
import { formatNumber, plural, t } from '../platform/i18n';

/** The host permission for the media hosts, as the options page needs it (platform/permissions.ts in the browser). */
export interface PictureAccess {
  /** Whether Roundup may load pictures from the media hosts now. */
  granted(): Promise<boolean>;
  /** Asks the user; call it straight from their click. True when granted. */
  request(): Promise<boolean>;
}

const MB = 1024 * 1024;

function size(bytes: number): string {
  return bytes < MB ? t('sizeKb', formatNumber(Math.max(1, Math.round(bytes / 1024)))) : t('sizeMb', formatNumber(bytes / MB, 1));
}

/** "Copies of 123 pictures take 14.2 MB; 3 could not be copied." */
export function describeCopies({ kept, bytes, missing }: CopiesSummary): string {
  const keptText = kept === 0 ? t('copiesNone') : plural('copiesTake', kept, size(bytes));
  return missing > 0 ? plural('copiesSummaryMissing', missing, keptText) : t('copiesSummary', keptText);
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
        (e: Error) => live && setNote(t('spaceUnreadable', e.message)),
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
        setNote(t(granted ? 'copiesAllowed' : 'copiesNotAllowed'));
      },
      (e: Error) => setNote(t('browserCouldNotAsk', e.message)),
    );
  };

  const retry = () => {
    connection.request('retryCopies', {}).then(
      ({ trying }) => setNote(trying > 0 ? plural('tryingAgain', trying) : t('nothingToRetry')),
      (e: Error) => setNote(t('couldNotRetry', e.message)),
    );
  };

  return (
    <fieldset>
      <legend>{t('pictures')}</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={HINT_ID}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        {t('keepCopies')}
      </label>
      <p class="hint" id={HINT_ID}>
        {t('keepCopiesHint')}
      </p>
      {summary && <p class="hint copies-summary">{describeCopies(summary)}</p>}
      {on && allowed === false && (
        <p class="hint">
          {t('mediaHostNotAllowed')}{' '}
          <button type="button" onClick={allow}>
            {t('allowCopies')}
          </button>
        </p>
      )}
      {on && summary && summary.missing > 0 && (
        <button type="button" onClick={retry}>
          {t('retryMissing')}
        </button>
      )}
      {note && <p class="hint" role="status">{note}</p>}
    </fieldset>
  );
}
