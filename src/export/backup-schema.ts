// What a valid backup file holds, field by field. Its roundups, posts and Trash are checked
// by the model's one schema (model/post-schema.ts, model/roundup-schema.ts), the same the
// store's data comes through, so a backup is never stricter than what the store holds. Only
// the settings' shape and the file's own ceilings live here.
import { EXPORT_FORMAT_IDS, type Settings } from '../model/settings';
import { bool, object, oneOf, text } from '../model/validate';
import type { BackupSettings } from './backup';

/** How many of each a file may hold: ceilings against absurd files, far above any real one. */
export const BACKUP_LIMITS = {
  roundups: 100_000,
  posts: 1_000_000,
  trash: 100_000,
} as const;

export const settings = object<BackupSettings>(
  {
    signature: text(1_000_000), includeEmbedScript: bool, doNotTrack: bool,
    theme: oneOf(['light', 'dark']), markdownFrontMatter: bool, markdownImages: bool,
    defaultFormat: oneOf(EXPORT_FORMAT_IDS),
    inlineButtons: object<Settings['inlineButtons']>({ x: bool }),
  },
  ['defaultFormat', 'inlineButtons'],
);
