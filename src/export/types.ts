// The input every renderer takes. Pure data: the popup builds it from the store.
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';

export interface ExportSettings {
  /** Appended after the closing, e.g. an "About the author" bio. */
  signature: string;
  /** HTML: add X's widgets.js once at the end; off = a static card that needs no script. */
  includeEmbedScript: boolean;
  /** `data-dnt="true"` on embeds: asks X not to use the embed for personalisation. */
  doNotTrack: boolean;
  theme: 'light' | 'dark';
  /** Markdown: YAML front matter (title, date) for static-site generators. */
  markdownFrontMatter: boolean;
  /** Markdown: photos as `![alt](url)`; off = links only, for places that hotlink badly. */
  markdownImages: boolean;
}

export const DEFAULT_EXPORT_SETTINGS: Readonly<ExportSettings> = Object.freeze({
  signature: '',
  includeEmbedScript: true,
  doNotTrack: true,
  theme: 'light',
  markdownFrontMatter: false,
  markdownImages: true,
});

export interface ExportInput {
  roundup: Roundup;
  /** By post id. An item whose post is absent still exports its own words. */
  posts: Record<string, Post>;
  settings: ExportSettings;
  /** JSON backup only: when it was made (renderers read no clock). Default: roundup.updatedAt. */
  exportedAt?: string;
}
