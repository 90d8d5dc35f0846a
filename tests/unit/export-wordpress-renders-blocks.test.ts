// The WordPress export: Gutenberg block markup. Each post is the block editor's own Twitter
// embed block followed by a quote block with its words, so it reads if the embed fails.
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/export';
import { blockAttributes, embedBlock } from '../../src/export/wordpress';
import { input, PLAIN_POST, RICH_POST, SMALL_ROUNDUP } from '../golden/export-fixtures';

const wp = (roundup = SMALL_ROUNDUP, posts = [RICH_POST, PLAIN_POST]): string =>
  renderExport('wordpress', input(roundup, {}, posts));

describe('WordPress export', () => {
  it('writes the embed block exactly as DESIGN.md gives it', () => {
    expect(embedBlock('https://twitter.com/a/status/1')).toBe(
      '<!-- wp:embed {"url":"https://twitter.com/a/status/1","type":"rich","providerNameSlug":"twitter","responsive":true} -->\n' +
        '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\n' +
        'https://twitter.com/a/status/1\n</div></figure>\n<!-- /wp:embed -->',
    );
  });

  it('writes heading, paragraphs, and per post an embed then a quote fallback', () => {
    const out = wp();
    const blocks = [...out.matchAll(/<!-- (wp:[a-z]+)/g)].map((m) => m[1]);
    expect(blocks).toEqual([
      'wp:heading', 'wp:paragraph', 'wp:paragraph',
      'wp:embed', 'wp:quote', 'wp:paragraph', 'wp:image', 'wp:quote', 'wp:paragraph', 'wp:paragraph',
      'wp:paragraph',
      'wp:embed', 'wp:quote', 'wp:paragraph', 'wp:paragraph', 'wp:paragraph', 'wp:paragraph', 'wp:paragraph',
    ]);
    expect(out.startsWith('<!-- wp:heading -->\n<h2 class="wp-block-heading">Healthcare Social Media #hcsm</h2>\n<!-- /wp:heading -->\n\n')).toBe(true);
    expect(out).toContain('<!-- wp:paragraph -->\n<p>First paragraph.<br>Same paragraph.</p>\n<!-- /wp:paragraph -->');
    expect(out).toContain(embedBlock('https://twitter.com/DrGhaheri/status/1991586882858172684'));
  });

  it('puts the words, photo, quoted post and attribution in the quote', () => {
    const out = wp();
    expect(out).toContain('<p>Docs on social media: read this <a href="https://example.com/article?a=1&amp;b=2">example.com/article</a>');
    expect(out).toContain('<!-- wp:image -->\n<figure class="wp-block-image"><img src="https://pbs.twimg.com/media/abc.jpg" alt="A doctor at a laptop"/></figure>\n<!-- /wp:image -->');
    expect(out).toContain('<cite>&mdash; John Lynn (@techguy) <a href="https://twitter.com/techguy/status/1991000000000000001">November 19, 2025</a></cite></blockquote>\n<!-- /wp:quote -->');
    expect(out).toContain('<cite>&mdash; Bobby Ghaheri (@DrGhaheri) <a href="https://twitter.com/DrGhaheri/status/1991586882858172684">November 20, 2025</a></cite></blockquote>\n<!-- /wp:quote -->');
  });

  it('embeds only X permalinks; another link keeps just the quote', () => {
    const post = { ...PLAIN_POST, url: 'https://example.com/post/1' };
    const out = wp({ ...SMALL_ROUNDUP, items: [{ postId: post.id, leadIn: '', commentary: '' }] }, [post]);
    expect(out).not.toContain('wp:embed');
    expect(out).toContain('<a href="https://example.com/post/1">View post</a></cite>');
  });

  it('exports an item whose post is missing as its words and a note', () => {
    const out = wp({ ...SMALL_ROUNDUP, items: [{ postId: 'x:42', leadIn: '', commentary: 'After' }] }, []);
    expect(out).toContain('<!-- wp:paragraph -->\n<p><em>Post not available.</em> <a href="https://twitter.com/i/web/status/42">https://twitter.com/i/web/status/42</a></p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>After</p>');
  });

  it.each(['-->', '<!-- /wp:paragraph -->', '--!>', 'a\\', '\\"}', '"}} -->', '&amp;', '\u2028', '---'])(
    'keeps block attributes valid JSON that cannot close the comment: %j',
    (value) => {
      const json = blockAttributes({ url: value });
      expect(json).not.toMatch(/--|<|>|&|\\"|\\\\|\u2028/);
      expect(JSON.parse(json)).toEqual({ url: value });
    },
  );
});
