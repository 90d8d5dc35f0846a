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

  it.each(['html', 'wordpress'] as const)('%s: an anchor where each item begins, before its lead-in, and no mark left over', (format) => {
    const doc = previewDocument(previewHtml(format, MIXED_INPUT));
    const items = MIXED_INPUT.roundup.items;
    const anchors = [...doc.matchAll(/<span id="roundup-item-(\d+)"><\/span>/g)].map((m) => Number(m[1]));
    expect(anchors).toEqual(items.map((_, i) => i));
    expect(doc).not.toContain('\uE000');
    // Item 0's anchor comes before its lead-in's words and after the introduction's.
    expect(doc.indexOf('roundup-item-0')).toBeGreaterThan(doc.indexOf('wherever it was posted'));
    expect(doc.indexOf('roundup-item-0')).toBeLessThan(doc.indexOf('Research first'));
    expect(doc.indexOf('roundup-item-1')).toBeGreaterThan(doc.indexOf('New paper on patient forums'));
  });

  it('a writer who types the mark gets their words back, never markup', () => {
    const roundup = { ...MIXED_INPUT.roundup, intro: 'Odd \uE0007\uE000 <b>chars</b>' };
    const doc = previewDocument(previewHtml('html', { ...MIXED_INPUT, roundup }));
    expect(doc).toContain('&lt;b&gt;chars&lt;/b&gt;');
    expect(doc).not.toContain('roundup-item-7');
  });
});
