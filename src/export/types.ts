// The input every renderer takes. Pure data: the popup builds it from the store.
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';

/** What the renderers read of the user's settings. */
export type ExportSettings = Pick<
  Settings,
  'signature' | 'includeEmbedScript' | 'doNotTrack' | 'theme' | 'markdownFrontMatter' | 'markdownImages'
>;

export const DEFAULT_EXPORT_SETTINGS: Readonly<ExportSettings> = Object.freeze({
  signature: DEFAULT_SETTINGS.signature,
  includeEmbedScript: DEFAULT_SETTINGS.includeEmbedScript,
  doNotTrack: DEFAULT_SETTINGS.doNotTrack,
  theme: DEFAULT_SETTINGS.theme,
  markdownFrontMatter: DEFAULT_SETTINGS.markdownFrontMatter,
  markdownImages: DEFAULT_SETTINGS.markdownImages,
});

export interface ExportInput {
  roundup: Roundup;
  /** By post id. An item whose post is absent still exports its own words. */
  posts: Record<string, Post>;
  settings: ExportSettings;
  /** JSON backup only: when it was made (renderers read no clock). Default: roundup.updatedAt. */
  exportedAt?: string;
}
