// The strict reader of JSON backups. A backup file is untrusted input (it may come from
// anywhere), so parseBackup checks every field, names the first one at fault, and rebuilds
// the data from known keys only. Used by the background, where imports are written.
import * as schema from './backup-schema';
import { LIMITS } from './backup-schema';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, MAX_BACKUP_CHARS, type BackupData, type BackupFile } from './backup';
import { Invalid, fail, isoDate, list, object, oneOf, type Check } from './validate';

export type ParseResult = { ok: true; data: BackupData } | { ok: false; error: string };

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
