// A view of something stored (the list of roundups, the Trash): read from the database while
// the view is shown, and again on every change notice; its changes go over the Port like every
// other write.
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from './connection';
import { t } from '../platform/i18n';

/** `what`: the message that says it could not be read. */
export function useStoredRead<T>(connection: Connection, shown: boolean, read: () => Promise<T>, what: 'roundupsUnreadable' | 'trashUnreadable') {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!shown) return;
    const again = () =>
      read().then(
        (v) => {
          setValue(v);
          setError('');
        },
        (e: Error) => setError(t(what, e.message)),
      );
    void again();
    return connection.onNotice(() => void again());
    // `read` and `what` are fixed per caller.
  }, [connection, shown]);
  return { value, error };
}
