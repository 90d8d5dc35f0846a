// The Markdown export: `# Title`, paragraphs, each post a `>` blockquote with its words,
// photos, quoted post and `— Name (@handle) [date](permalink)`; optional front matter.
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/export';
import { input, PLAIN_POST, RICH_POST, SMALL_ROUNDUP } from '../golden/export-fixtures';

const md = (settings = {}, roundup = SMALL_ROUNDUP, posts = [RICH_POST, PLAIN_POST]): string =>
  renderExport('markdown', input(roundup, settings, posts));

describe('Markdown export', () => {
  it('writes the whole roundup as CommonMark', () => {
    expect(md()).toBe(`# Healthcare Social Media \\#hcsm

I've been reading tweet after tweet.

Let's take a look:

> Docs on social media: read this [example.com/article](https://example.com/article?a=1\\&b=2) by [@techguy](https://x.com/techguy) [\\#hcsm](https://x.com/hashtag/hcsm?src=hashtag_click) 🎉  
> Second line
>
> ![A doctor at a laptop](https://pbs.twimg.com/media/abc.jpg)
>
> > Healthcare needs a good offense.
> >
> > — John Lynn (@techguy) [November 19, 2025](https://twitter.com/techguy/status/1991000000000000001)
>
> — Bobby Ghaheri (@DrGhaheri) [November 20, 2025](https://twitter.com/DrGhaheri/status/1991586882858172684)

I love Dr. Ghaheri.

This next tweet:

> wow
>
> — Mario Zechner (@badlogicgames) [View post](https://twitter.com/badlogicgames/status/1991612272289161300)

First paragraph.  
Same paragraph.

Second.

That is all.

About the author
`);
  });

  it('adds YAML front matter with the title and the date when asked', () => {
    const out = md({ markdownFrontMatter: true }, { ...SMALL_ROUNDUP, exportedAt: '2025-12-01T23:59:00.000Z' });
    expect(out.startsWith('---\ntitle: "Healthcare Social Media #hcsm"\ndate: 2025-12-01\n---\n\n# Healthcare')).toBe(true);
  });

  it('links photos instead of embedding them when images are off', () => {
    const out = md({ markdownImages: false });
    expect(out).toContain('> [Image: A doctor at a laptop](https://pbs.twimg.com/media/abc.jpg)');
    expect(out).not.toContain('![');
  });

  it('shows a video by its poster, or by its label when it has none', () => {
    const post = {
      ...PLAIN_POST,
      media: [
        { kind: 'video' as const, url: 'blob:https://x.com/1', posterUrl: 'https://pbs.twimg.com/p.jpg', alt: '' },
        { kind: 'gif' as const, url: 'blob:https://x.com/2' },
      ],
    };
    const out = md({}, { ...SMALL_ROUNDUP, items: [{ postId: post.id, leadIn: '', commentary: '' }] }, [post]);
    expect(out).toContain('> ![Video](https://pbs.twimg.com/p.jpg)  \n> \\[GIF\\]\n');
  });

  it('exports an item whose post is missing with a note and a link that may still work', () => {
    const roundup = { ...SMALL_ROUNDUP, items: [{ postId: 'x:42', leadIn: 'Before', commentary: 'After' }] };
    expect(md({}, roundup, [])).toContain(
      'Before\n\n*Post not available.* [https://twitter.com/i/web/status/42](https://twitter.com/i/web/status/42)\n\nAfter',
    );
  });

  it('escapes parentheses in link targets so a URL cannot end its link early', () => {
    const post = { ...PLAIN_POST, segments: [{ kind: 'link' as const, text: 'wiki', href: 'https://en.wikipedia.org/wiki/Foo_(bar)' }] };
    const out = md({}, { ...SMALL_ROUNDUP, items: [{ postId: post.id, leadIn: '', commentary: '' }] }, [post]);
    expect(out).toContain('> [wiki](https://en.wikipedia.org/wiki/Foo_%28bar%29)');
  });

  it('keeps a paragraph break inside a post as a blank quoted line', () => {
    const post = { ...PLAIN_POST, segments: [{ kind: 'text' as const, text: '  - first\n\n\n\n2. second  ' }] };
    const out = md({}, { ...SMALL_ROUNDUP, items: [{ postId: post.id, leadIn: '', commentary: '' }] }, [post]);
    expect(out).toContain('> \\- first\n>\n> 2\\. second\n>\n> — Mario');
  });
});
