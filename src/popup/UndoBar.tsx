// The one message with an "Undo" after a removal or deletion. It stays until the next one
// replaces it or the user dismisses it: a timer would take it away from a slow reader.
import { t } from '../platform/i18n';

export interface Undoable {
  message: string;
  undo(): void;
}

export function UndoBar({ undoable, onDone }: { undoable: Undoable | null; onDone(): void }) {
  return (
    <div class="undo" role="status">
      {undoable && (
        <>
          <span>{undoable.message}</span>
          <button
            type="button"
            onClick={() => {
              undoable.undo();
              onDone();
            }}
          >
            {t('undo')}
          </button>
          <button type="button" class="quiet" onClick={onDone}>
            {t('dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
