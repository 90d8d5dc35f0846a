// The plain-text export, for newsletters: underlined title, paragraphs, each post an
// indented quote with its attribution and link.
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/export';
import { input, PLAIN_POST, RICH_POST, SMALL_ROUNDUP } from '../golden/export-fixtures';

const text = (roundup = SMALL_ROUNDUP, posts = [RICH_POST, PLAIN_POST]): string =>
  renderExport('text', input(roundup, {}, posts));

describe('Plain text export', () => {
  it('writes the whole roundup with posts as indented quotes', () => {
    expect(text()).toBe(`Healthcare Social Media #hcsm
=============================

I've been reading tweet after tweet.

Let's take a look:

    Docs on social media: read this https://example.com/article?a=1&b=2 by @techguy #hcsm 🎉
    Second line

    [Image: A doctor at a laptop] https://pbs.twimg.com/media/abc.jpg

        Healthcare needs a good offense.

        — John Lynn (@techguy), November 19, 2025
        https://twitter.com/techguy/status/1991000000000000001

    — Bobby Ghaheri (@DrGhaheri), November 20, 2025
    https://twitter.com/DrGhaheri/status/1991586882858172684

I love Dr. Ghaheri.

This next tweet:

    wow

    — Mario Zechner (@badlogicgames)
    https://twitter.com/badlogicgames/status/1991612272289161300

First paragraph.
Same paragraph.

Second.

That is all.

About the author
`);
  });

  it('underlines by characters as seen (emoji count once), capped for long titles', () => {
    expect(text({ ...SMALL_ROUNDUP, title: 'Hi 👩‍👩‍👧', items: [] }).split('\n')[1]).toBe('====');
    expect(text({ ...SMALL_ROUNDUP, title: 'x'.repeat(500), items: [] }).split('\n')[1]).toHaveLength(72);
  });

  it('exports an item whose post is missing with a note in its place', () => {
    const out = text({ ...SMALL_ROUNDUP, items: [{ postId: 'bad id', leadIn: 'Before', commentary: 'After' }] }, []);
    expect(out).toContain('Before\n\n    [Post not available]\n\nAfter');
  });

  it('writes nothing for an empty roundup but a line end', () => {
    const empty = { ...SMALL_ROUNDUP, title: '', intro: '', closing: '', items: [] };
    expect(renderExport('text', { ...input(empty), settings: { ...input(empty).settings, signature: '' } })).toBe('\n');
  });
});
