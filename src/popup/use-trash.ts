// The Trash, read from the database while shown and again on every change notice; restoring
// and emptying go over the Port like every other write.
import { useEffect, useState } from 'preact/hooks';
import type { Post } from '../model/post';
import type { TrashEntry } from '../model/trash';
import type { Connection } from './connection';
import { listTrash } from './editor-db';

export interface TrashContents {
  entries: TrashEntry[];
  posts: Record<string, Post>;
}

export function useTrash(connection: Connection, shown: boolean) {
  const [trash, setTrash] = useState<TrashContents | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!shown) return;
    const read = () =>
      listTrash().then(
        (contents) => {
          setTrash(contents);
          setError('');
        },
        (e: Error) => setError(`The Trash could not be read: ${e.message}`),
      );
    void read();
    return connection.onNotice(() => void read());
  }, [connection, shown]);
  return { trash, error };
}
