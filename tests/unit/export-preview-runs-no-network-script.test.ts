// The export preview loads and runs nothing: none of the three networks' embed scripts is in
// its document (they could not run in the sandbox anyway), while the posts' words are.
import { describe, expect, it } from 'vitest';
import { previewDocument, previewHtml } from '../../src/popup/export/preview-doc';
import { MIXED_INPUT } from '../golden/mixed-roundup';

describe('the preview of a roundup from X, Bluesky and Mastodon', () => {
  it.each(['html', 'wordpress'] as const)('%s: no <script>, every post\'s words', (format) => {
    const html = previewHtml(format, MIXED_INPUT);
    if (format === 'html') expect(html).toMatch(/embed\.bsky\.app|mastodon\.social\/embed\.js/);
    const doc = previewDocument(html);
    expect(doc).not.toMatch(/<script/i);
    for (const words of ['New paper on patient forums', 'This is the calm I needed today', 'Finally watched the finale', 'best finale in years']) expect(doc).toContain(words);
    expect(doc).not.toMatch(/<img[^>]+src="https?:/);
  });
});
