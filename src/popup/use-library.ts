// The list of roundups, read while shown (use-stored-read.ts).
import type { RoundupSummary } from '../store/reads';
import type { Connection } from './connection';
import { listRoundups } from './editor-db';
import { useStoredRead } from './use-stored-read';

const NONE: RoundupSummary[] = [];

export function useLibrary(connection: Connection, shown: boolean) {
  const { value, error } = useStoredRead(connection, shown, listRoundups, 'roundupsUnreadable');
  return { roundups: value ?? NONE, error };
}
