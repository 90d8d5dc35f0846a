// A post's link card in every format: one short line right after the post's words,
// `Title — domain` linked to the card's address (plain text: `Title (domain): address`).
// The card's picture is never exported: the line stands for the whole card.
import { describe, expect, it } from 'vitest';
import { renderExport, type TextFormatId } from '../../src/export';
import type { LinkCard, Post } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { input, PLAIN_POST } from '../golden/export-fixtures';

// The pinned post of mario-zechner-twitter.html, with the card capture reads from it.
const CARD: LinkCard = {
  url: 'https://t.co/j64CpIysH1',
  title: "What if you don't need MCP at all?",
  domain: 'mariozechner.at',
  image: { url: 'https://pbs.twimg.com/card_img/1/WPyU9R6h' },
};
const WORDS = 'New blog post, wherein I beat a dead horse for the last time.';
const post = (card: LinkCard | undefined, extra: Partial<Post> = {}): Post =>
  ({ ...PLAIN_POST, text: WORDS, segments: [{ kind: 'text', text: WORDS }], card, ...extra });
const ROUNDUP: Roundup = {
  id: 'r1', title: '', intro: '', closing: '', items: [{ postId: PLAIN_POST.id, leadIn: '', commentary: '' }],
  createdAt: '2025-11-21T10:00:00.000Z', updatedAt: '2025-11-21T10:00:00.000Z',
};
const render = (format: TextFormatId, p: Post, settings = {}): string =>
  renderExport(format, input(ROUNDUP, { signature: '', ...settings }, [p]));

const PERMALINK = 'https://twitter.com/badlogicgames/status/1991612272289161300';
const LABEL = "What if you don't need MCP at all? — mariozechner.at";

describe('a post with a link card', () => {
  it('HTML: a linked paragraph after the words, inside the embed (with or without the script)', () => {
    const quote =
      `<p dir="auto">${WORDS}</p><p><a href="https://t.co/j64CpIysH1">${LABEL}</a></p>` +
      `&mdash; Mario Zechner (@badlogicgames) <a href="${PERMALINK}">View post</a></blockquote>`;
    expect(render('html', post(CARD))).toBe(
      `<blockquote class="twitter-tweet" data-dnt="true">${quote}\n` +
        '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n',
    );
    const still = render('html', post(CARD), { includeEmbedScript: false });
    expect(still).toContain(`<p dir="auto">${WORDS}</p><p><a href="https://t.co/j64CpIysH1">${LABEL}</a></p><span`);
    expect(still).not.toContain('card_img');
  });

  it('Markdown: a link of its own in the quote', () => {
    expect(render('markdown', post(CARD))).toBe(
      `> ${WORDS}\n>\n> [${LABEL}](https://t.co/j64CpIysH1)\n>\n> — Mario Zechner (@badlogicgames) [View post](${PERMALINK})\n`,
    );
  });

  it('plain text: `Title (domain): address`', () => {
    expect(render('text', post(CARD))).toBe(
      `    ${WORDS}\n\n    What if you don't need MCP at all? (mariozechner.at): https://t.co/j64CpIysH1\n\n` +
        `    — Mario Zechner (@badlogicgames)\n    ${PERMALINK}\n`,
    );
  });

  it('WordPress: a paragraph block after the words in the quote', () => {
    expect(render('wordpress', post(CARD))).toContain(
      `<!-- wp:paragraph -->\n<p>${WORDS}</p>\n<!-- /wp:paragraph -->\n\n` +
        `<!-- wp:paragraph -->\n<p><a href="https://t.co/j64CpIysH1">${LABEL}</a></p>\n<!-- /wp:paragraph --><cite>`,
    );
  });

  it('a quoted post shows its own card inside the quote', () => {
    const quoted = post({ url: 'https://t.co/q', domain: 'example.org' }, { id: '', url: '' });
    const p = post(undefined, { quoted });
    expect(render('html', p)).toContain('<blockquote><p dir="auto">New blog post, wherein I beat a dead horse for the last time.</p><p><a href="https://t.co/q">example.org</a></p>&mdash;');
    expect(render('markdown', p)).toContain('> > [example.org](https://t.co/q)\n');
    expect(render('text', p)).toContain('\n        example.org: https://t.co/q\n');
    expect(render('wordpress', p)).toContain('<p><a href="https://t.co/q">example.org</a></p>');
  });

  // Decided: the card line stays even when the words end with the same link. The words show
  // the address; the card says what is there (its title), which is worth the one line.
  it('keeps the card line when the words already end with the card\'s link', () => {
    const p = post(CARD, {
      text: 'Read https://mariozechner.at/posts/mcp',
      segments: [{ kind: 'text', text: 'Read ' }, { kind: 'link', text: 'https://mariozechner.at/posts/mcp', href: CARD.url }],
    });
    expect(render('markdown', p)).toContain(
      `> Read [https://mariozechner.at/posts/mcp](https://t.co/j64CpIysH1)\n>\n> [${LABEL}](https://t.co/j64CpIysH1)\n`,
    );
  });
});

describe('a link card missing parts', () => {
  it.each<[string, LinkCard, Record<'html' | 'markdown' | 'text', string>]>([
    ['no domain', { url: 'https://t.co/a', title: 'A title' }, {
      html: '<p><a href="https://t.co/a">A title</a></p>', markdown: '> [A title](https://t.co/a)', text: '    A title: https://t.co/a',
    }],
    ['no title', { url: 'https://t.co/a', domain: 'example.org' }, {
      html: '<p><a href="https://t.co/a">example.org</a></p>', markdown: '> [example.org](https://t.co/a)', text: '    example.org: https://t.co/a',
    }],
    ['only its address', { url: 'https://t.co/a' }, {
      html: '<p><a href="https://t.co/a">https://t.co/a</a></p>', markdown: '> [https://t.co/a](https://t.co/a)', text: '    https://t.co/a',
    }],
    ['an address that is not http(s)', { url: 'javascript:alert(1)', title: '<b>A</b> [title]' }, {
      html: '<p>&lt;b&gt;A&lt;/b&gt; [title]</p>', markdown: '> \\<b\\>A\\</b\\> \\[title\\]', text: '    <b>A</b> [title]',
    }],
  ])('%s', (_name, card, expected) => {
    expect(render('html', post(card))).toContain(`</p>${expected.html}&mdash;`);
    expect(render('markdown', post(card))).toContain(`>\n${expected.markdown}\n>\n`);
    expect(render('text', post(card))).toContain(`\n\n${expected.text}\n\n`);
  });

  it('no usable address and no words: no card line at all', () => {
    const card = { url: 'javascript:alert(1)', title: ' \n ' };
    expect(render('markdown', post(card))).toBe(render('markdown', post(undefined)));
    expect(render('html', post(card))).toBe(render('html', post(undefined)));
    expect(render('text', post(card))).toBe(render('text', post(undefined)));
    expect(render('wordpress', post(card))).toBe(render('wordpress', post(undefined)));
  });
});
