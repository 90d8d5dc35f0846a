// JSON backup: everything needed to restore roundups on another machine — roundups, posts,
// the Trash and the settings. Its strict reader is backup-import.ts, kept apart so the
// editor, which only writes backups, does not carry the validator (the background, which
// imports, does).
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import type { Settings } from '../model/settings';
import type { TrashEntry } from '../model/trash';
import type { ExportInput, ExportSettings } from './types';
import { lookupPost } from './post-parts';
import { MAX_BACKUP_CHARS } from './backup-limits';

export { MAX_BACKUP_CHARS };
export const BACKUP_FORMAT = 'roundup-backup';
/** 2: the file holds the Trash (`trash`). Version 1 files (no Trash) are still read. */
export const BACKUP_SCHEMA_VERSION = 2;

/**
 * Every setting. The editor-only ones are optional: a one-roundup export made from the
 * renderers' settings alone has none of them, and importing it leaves them as they are.
 */
export type BackupSettings = ExportSettings & Partial<Pick<Settings, 'defaultFormat' | 'inlineButtons' | 'keepCopies'>>;

export interface BackupData {
  exportedAt: string;
  roundups: Roundup[];
  posts: Post[];
  /** Removed items and deleted roundups (model/trash.ts), still restorable. */
  trash: TrashEntry[];
  settings: BackupSettings;
}

export interface BackupFile extends BackupData {
  format: typeof BACKUP_FORMAT;
  schemaVersion: typeof BACKUP_SCHEMA_VERSION;
}

/**
 * Only the settings a backup knows, in a fixed order: the caller may hand over the whole
 * Settings record, and a field added to it later must not make the file unreadable here.
 */
function knownSettings(s: BackupSettings): BackupSettings {
  const { signature, includeEmbedScript, doNotTrack, theme, markdownFrontMatter, markdownImages, pictures } = s;
  const out: BackupSettings = { signature, includeEmbedScript, doNotTrack, theme, markdownFrontMatter, markdownImages, pictures };
  if (s.defaultFormat !== undefined) out.defaultFormat = s.defaultFormat;
  if (s.inlineButtons !== undefined) out.inlineButtons = { x: s.inlineButtons.x, bluesky: s.inlineButtons.bluesky ?? s.inlineButtons.x };
  if (s.keepCopies !== undefined) out.keepCopies = s.keepCopies;
  return out;
}

export function renderBackup({ exportedAt, roundups, posts, trash = [], settings }: BackupData): string {
  // `trash` defaults for callers in plain JavaScript (the benchmarks) that know only version 1.
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt,
    roundups,
    posts,
    trash,
    settings: knownSettings(settings),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** The JSON export of one roundup: it and the posts it uses, in item order (no Trash). */
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
    trash: [],
    settings,
  });
}
