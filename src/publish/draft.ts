// What "Send to WordPress" sends, made from the roundup like every export: the WordPress block
// export with its pictures as `media/<name>` files (send.ts points them at the media library
// once they are uploaded), the title as the post's title rather than a heading, and the
// introduction as the excerpt. Pure; it lives in the export code the editor loads on demand.
import type { Post } from '../model/post';
import type { Roundup } from '../model/roundup';
import type { ExportSettings } from '../export/types';
import { renderWordPress } from '../export/wordpress';
import { filesSource, roundupPictureUrls } from '../export/pictures';
import { oneLine, paragraphs } from '../export/paragraphs';
import type { SendRequest } from './types';

export function wordPressDraft(roundup: Roundup, posts: Record<string, Post>, settings: ExportSettings): SendRequest {
  // No bytes map: every http(s) picture gets its `media/<name>`, typed by its URL; the
  // background finds its bytes (the kept copy, or X) when it uploads it.
  const input = { roundup, posts, settings: { ...settings, pictures: 'files' as const } };
  const content = renderWordPress(input, { heading: false });
  const name = filesSource();
  const pictures = roundupPictureUrls(input)
    .map((url) => ({ url, file: name(url) }))
    .filter((p): p is { url: string; file: string } => p.file !== null && content.includes(`"${p.file}"`));
  return { roundupId: roundup.id, title: oneLine(roundup.title), content, excerpt: excerptOf(roundup.intro), pictures };
}

/** The introduction as WordPress's excerpt takes it: plain text, its paragraphs kept. */
function excerptOf(intro: string): string {
  return paragraphs(intro).map((lines) => lines.join('\n')).join('\n\n');
}
