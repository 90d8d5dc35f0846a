// The Trash, read while shown (use-stored-read.ts).
import type { Post } from '../model/post';
import type { TrashEntry } from '../model/trash';
import type { Connection } from './connection';
import { listTrash } from './editor-db';
import { useStoredRead } from './use-stored-read';

export interface TrashContents {
  entries: TrashEntry[];
  posts: Record<string, Post>;
}

export function useTrash(connection: Connection, shown: boolean) {
  const { value, error } = useStoredRead<TrashContents>(connection, shown, listTrash, 'trashUnreadable');
  return { trash: value, error };
}
