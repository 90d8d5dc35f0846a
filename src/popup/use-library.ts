// The list of roundups, read from the database while shown and again on every change notice;
// changes go over the Port like every other write.
import { useEffect, useState } from 'preact/hooks';
import type { RoundupSummary } from '../store/reads';
import type { Connection } from './connection';
import { listRoundups } from './editor-db';

export function useLibrary(connection: Connection, shown: boolean) {
  const [roundups, setRoundups] = useState<RoundupSummary[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!shown) return;
    const read = () =>
      listRoundups().then(
        (list) => {
          setRoundups(list);
          setError('');
        },
        (e: Error) => setError(`Your roundups could not be listed: ${e.message}`),
      );
    void read();
    return connection.onNotice(() => void read());
  }, [connection, shown]);
  return { roundups, error };
}
