// JSON backup: everything needed to restore roundups on another machine, and the strict
// reader for it. A backup file is untrusted input (it may come from anywhere), so
// parseBackup checks every field and rebuilds the data from known keys only.
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import type { ExportInput, ExportSettings } from './types';
import * as schema from './backup-schema';
import { LIMITS } from './backup-schema';
import { Invalid, fail, isoDate, list, object, oneOf, type Check } from './validate';
import { lookupPost } from './post-parts';

export const BACKUP_FORMAT = 'roundup-backup';
export const BACKUP_SCHEMA_VERSION = 1;
/** Bigger than any real backup by far; refused before JSON.parse spends memory on it. */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;

export interface BackupData {
  exportedAt: string;
  roundups: Roundup[];
  posts: Post[];
  settings: ExportSettings;
}

interface BackupFile extends BackupData {
  format: typeof BACKUP_FORMAT;
  schemaVersion: typeof BACKUP_SCHEMA_VERSION;
}

export type ParseResult = { ok: true; data: BackupData } | { ok: false; error: string };

export function renderBackup(data: BackupData): string {
  const file: BackupFile = { format: BACKUP_FORMAT, schemaVersion: BACKUP_SCHEMA_VERSION, ...data };
  return JSON.stringify(file, null, 2) + '\n';
}

/** The JSON export of one roundup: it and the posts it uses, in item order. */
export function renderRoundupBackup({ roundup, posts, settings, exportedAt }: ExportInput): string {
  const used = new Map<string, Post>();
  for (const { postId } of roundup.items) {
    const post = lookupPost(posts, postId);
    if (post) used.set(postId, post);
  }
  return renderBackup({
    exportedAt: exportedAt ?? roundup.updatedAt,
    roundups: [roundup],
    posts: [...used.values()],
    settings,
  });
}

const schemaVersion: Check<1> = (value, path) =>
  value === BACKUP_SCHEMA_VERSION
    ? BACKUP_SCHEMA_VERSION
    : fail(path, `${JSON.stringify(value) ?? 'undefined'} is not supported (this version reads ${BACKUP_SCHEMA_VERSION})`);

const backupFile = object<BackupFile>({
  format: oneOf([BACKUP_FORMAT]),
  schemaVersion,
  exportedAt: isoDate,
  roundups: list(schema.roundup, LIMITS.roundups),
  posts: list(schema.post, LIMITS.posts),
  settings: schema.settings,
});

/** Two entries with one id would silently overwrite each other on import. */
function checkUniqueIds(entries: { id: string }[], path: string): void {
  const seen = new Map<string, number>();
  entries.forEach(({ id }, i) => {
    const first = seen.get(id);
    if (first !== undefined) fail(`${path}[${i}].id`, `repeats ${path}[${first}].id (${JSON.stringify(id)})`);
    seen.set(id, i);
  });
}

export function parseBackup(text: string): ParseResult {
  if (text.length > MAX_BACKUP_CHARS) return { ok: false, error: `backup is larger than ${MAX_BACKUP_CHARS} characters` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `backup is not valid JSON (${(error as Error).message})` };
  }
  const format = typeof raw === 'object' && raw !== null ? (raw as { format?: unknown }).format : undefined;
  if (format !== BACKUP_FORMAT) {
    // Said first: a wrong file should not be reported as a list of unknown fields.
    return { ok: false, error: `backup is not a Roundup backup (format is not "${BACKUP_FORMAT}")` };
  }
  try {
    const { format: _format, schemaVersion: _version, ...data } = backupFile(raw, '');
    checkUniqueIds(data.roundups, 'roundups');
    checkUniqueIds(data.posts, 'posts');
    return { ok: true, data };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}
