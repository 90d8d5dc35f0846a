// The strict reader of JSON backups. A backup file is untrusted input (it may come from
// anywhere), so parseBackup checks every field, names the first one at fault, and rebuilds
// the data from known keys only. Roundups, posts and Trash entries are checked by the
// model's one schema, the same a post from a page passes. Used by the background, where
// imports are written.
import { postSchema } from '../model/post-schema';
import { roundupSchema } from '../model/roundup-schema';
import type { TrashEntry } from '../model/trash';
import { Invalid, distinct, fail, isoDate, list, object, type Check } from '../model/validate';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, MAX_BACKUP_CHARS, type BackupData } from './backup';
import { BACKUP_LIMITS, settings } from './backup-schema';
import { t } from '../platform/i18n';

export type ParseResult = { ok: true; data: BackupData } | { ok: false; error: string };

/** The versions this reader knows: 1 had no Trash. */
const READS = [1, BACKUP_SCHEMA_VERSION] as const;
type Version = (typeof READS)[number];

const schemaVersion: Check<Version> = (value, path) =>
  READS.includes(value as Version)
    ? (value as Version)
    : fail(path, `${JSON.stringify(value) ?? 'undefined'} is not supported (this version reads ${READS.join(' and ')})`);

/** The file as read: the format is checked before (a wrong file is said so first). */
interface ReadFile extends Omit<BackupData, 'trash'> {
  format: unknown;
  schemaVersion: Version;
  trash?: TrashEntry[];
}

const backupFile = object<ReadFile>(
  {
    format: () => BACKUP_FORMAT,
    schemaVersion,
    exportedAt: isoDate,
    roundups: distinct(list(roundupSchema().roundup, BACKUP_LIMITS.roundups), 'id'),
    posts: distinct(list(postSchema().post, BACKUP_LIMITS.posts), 'id'),
    trash: distinct(list(roundupSchema().trashEntry, BACKUP_LIMITS.trash), 'id'),
    settings,
  },
  ['trash'],
);

export function parseBackup(text: string): ParseResult {
  if (text.length > MAX_BACKUP_CHARS) return { ok: false, error: t('backupTooLong', MAX_BACKUP_CHARS) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: t('backupNotJson', (error as Error).message) };
  }
  const format = typeof raw === 'object' && raw !== null ? (raw as { format?: unknown }).format : undefined;
  if (format !== BACKUP_FORMAT) {
    // Said first: a wrong file should not be reported as a list of unknown fields.
    return { ok: false, error: t('backupNotRoundup', BACKUP_FORMAT) };
  }
  try {
    const { exportedAt, roundups, posts, trash, settings: read, schemaVersion: version } = backupFile(raw, '');
    // A version 1 file had no Trash; from version 2 on, a file without one is cut short.
    if (version >= 2 && trash === undefined) fail('trash', 'is missing');
    return { ok: true, data: { exportedAt, roundups, posts, trash: trash ?? [], settings: read } };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}
