// What "Send to WordPress" hands the background (src/publish/draft.ts): the WordPress block
// export of a realistic roundup with its pictures as `media/<name>` files and no title heading,
// the title on one line, the introduction as a plain-text excerpt, and exactly the pictures the
// content points at (no avatar, no link-card picture: the WordPress export shows neither). Read
// back with WordPress's own block parser. Then describeSend, the sentence after a send.
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS, renderExport, type ExportSettings } from '../../src/export';
import { filesSource } from '../../src/export/pictures';
import type { Post } from '../../src/model/post';
import type { Roundup } from '../../src/model/roundup';
import { describeSend } from '../../src/publish/describe';
import { wordPressDraft } from '../../src/publish/draft';
import type { SendReport, SentDraft } from '../../src/publish/types';
import { picturePost } from './helpers/export-pictures';
import { makePost } from './helpers/posts';

type Block = ReturnType<typeof parseBlocks>[number];

// ---- A roundup as a writer makes one ----

/** Every kind of picture: avatar, photo, video and GIF stills, link card; a quoted post with its avatar, photo and card. */
const FULL = picturePost(0);

/** Quotes a post that has a photo; its own photo is the same picture as FULL's (a picture going round). */
const QUOTING: Post = makePost(1, {
  author: { name: 'Dana', handle: 'dana', avatarUrl: 'https://pbs.twimg.com/profile_images/77/dana_normal.jpg' },
  media: [{ kind: 'image', url: FULL.media[0]!.url, alt: 'The same photo, shared again' }],
  quoted: makePost(2, {
    media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/GQuotedChart?format=webp&name=small', alt: 'A chart of admissions' }],
  }),
});

/** A photo whose address is not http(s) (a page's blob: or data: URL): words, never a file. */
const ODD_PHOTO: Post = makePost(3, {
  media: [
    { kind: 'image', url: 'blob:https://x.com/5c1b0a8e-0000-4000-8000-000000000000', alt: 'A photo still loading' },
    { kind: 'image', url: 'data:image/png;base64,iVBORw0KGgo=', alt: '' },
  ],
});

/** Only a link card with a picture, and an avatar: nothing for the media library. */
const CARD_ONLY: Post = makePost(4, {
  author: { name: 'Eve', handle: 'eve', avatarUrl: 'https://pbs.twimg.com/profile_images/88/eve_normal.jpg' },
  card: { url: 'https://t.co/abc', title: 'A study of wards', domain: 'example.org', image: { url: 'https://pbs.twimg.com/card_img/44/c?format=jpg&name=600x314', alt: 'Ward' } },
});

const ROUNDUP: Roundup = {
  id: 'week-48',
  title: '  The week in\nhealth tech:\t<b>AI</b> & "care"  ',
  intro: 'First line of the intro.\r\nIts second line, with <b>markup</b> & "quotes".\n\n \n  Second paragraph.  \n\n\nThird.',
  closing: 'See you next week.',
  items: [
    { postId: FULL.id, leadIn: 'To begin:', commentary: 'Every picture at once.' },
    { postId: QUOTING.id, leadIn: '', commentary: 'A quote, with a chart.' },
    { postId: ODD_PHOTO.id, leadIn: '', commentary: 'Still loading when clipped.' },
    { postId: 'x:404', leadIn: '', commentary: 'This one was deleted.' },
    { postId: CARD_ONLY.id, leadIn: 'Last,', commentary: 'Worth a read.' },
  ],
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-29T10:00:00.000Z',
};

const POSTS = Object.fromEntries([FULL, QUOTING, ODD_PHOTO, CARD_ONLY].map((p) => [p.id, p]));
// The user's export settings link pictures to X: the draft has files all the same.
const SETTINGS: ExportSettings = { ...DEFAULT_EXPORT_SETTINGS, signature: 'About the author\n\nJo writes about care.', pictures: 'x' };

/** The pictures the WordPress export shows, by hand: photos and stills, the quoted posts' photos. */
const SHOWN = [
  FULL.media[0]!.url,
  FULL.media[1]!.posterUrl!,
  FULL.media[2]!.posterUrl!,
  FULL.quoted!.media[0]!.url,
  'https://pbs.twimg.com/media/GQuotedChart?format=webp&name=small',
];
/** Pictures the roundup holds that the WordPress export does not show. */
const NOT_SHOWN = [
  FULL.author.avatarUrl!,
  FULL.card!.image!.url,
  FULL.quoted!.author.avatarUrl!,
  FULL.quoted!.card!.image!.url,
  QUOTING.author.avatarUrl!,
  CARD_ONLY.author.avatarUrl!,
  CARD_ONLY.card!.image!.url,
];

const draft = () => wordPressDraft(ROUNDUP, POSTS, SETTINGS);
const named = (blocks: Block[]): Block[] => blocks.filter((b) => b.blockName !== null);
const imgSrc = (b: Block): string => /<img src="([^"]*)"/.exec(b.innerHTML)![1]!;
const imgAlt = (b: Block): string => /alt="([^"]*)"/.exec(b.innerHTML)![1]!;

describe('wordPressDraft', () => {
  it('is for this roundup, its title on one line and its introduction as the excerpt, paragraphs kept', () => {
    const d = draft();
    expect(d.roundupId).toBe('week-48');
    expect(d.title).toBe('The week in health tech: <b>AI</b> & "care"');
    expect(d.title).not.toMatch(/[\n\t]|^\s|\s$/);
    // Plain text: not escaped, no tags added, lines trimmed, blank lines one.
    expect(d.excerpt).toBe('First line of the intro.\nIts second line, with <b>markup</b> & "quotes".\n\nSecond paragraph.\n\nThird.');
    expect(d.excerpt).not.toContain('<p>');
  });

  it('is the WordPress export with files for pictures, less its title heading', () => {
    const { content } = draft();
    expect(content).not.toContain('wp:heading');
    expect(content).not.toContain('<h2');
    expect(content).not.toContain('The week in health tech');
    const exported = renderExport('wordpress', { roundup: ROUNDUP, posts: POSTS, settings: { ...SETTINGS, pictures: 'files' } });
    const heading = '<!-- wp:heading -->\n<h2 class="wp-block-heading">The week in health tech: &lt;b&gt;AI&lt;/b&gt; &amp; "care"</h2>\n<!-- /wp:heading -->\n\n';
    expect(exported.startsWith(heading)).toBe(true);
    expect(content).toBe(exported.slice(heading.length));
    // Not linked to X, whatever the user's setting.
    expect(content).not.toMatch(/src="https?:/);
    expect(content).toContain('<img src="media/');
  });

  it('lists each picture the content points at exactly once, with its URL, and none the content lacks', () => {
    const { content, pictures } = draft();
    const inContent = [...new Set([...content.matchAll(/"(media\/[^"]+)"/g)].map((m) => m[1]!))];
    expect(inContent.length).toBeGreaterThan(0);
    expect(pictures.map((p) => p.file).sort()).toEqual(inContent.sort());
    expect(new Set(pictures.map((p) => p.file)).size).toBe(pictures.length);
    expect(new Set(pictures.map((p) => p.url)).size).toBe(pictures.length);
    // Which pictures: those shown, in reading order; the shared photo once.
    expect(pictures.map((p) => p.url)).toEqual(SHOWN);
    const name = filesSource();
    for (const p of pictures) expect(p.file).toBe(name(p.url));
    for (const url of NOT_SHOWN) {
      expect(pictures.map((p) => p.url)).not.toContain(url);
      expect(content).not.toContain(name(url)!);
    }
    // The photos with no web address are words, and not listed.
    expect(pictures.some((p) => !/^https:\/\//.test(p.url))).toBe(false);
    expect(content).toContain('[Image: A photo still loading]');
    expect(content).toContain('[Image]');
    expect(content).not.toContain('blob:');
    expect(content).not.toContain('data:image');
  });

  it('reads back in WordPress’s parser as the roundup’s blocks, each image at its picture’s file', () => {
    const { content, pictures } = draft();
    const blocks = named(parseBlocks(content));
    const P = 'core/paragraph';
    expect(blocks.map((b) => b.blockName)).toEqual([
      P, P, P, // intro
      P, 'core/embed', 'core/quote', P, // FULL
      'core/embed', 'core/quote', P, // QUOTING
      'core/embed', 'core/quote', P, // ODD_PHOTO
      P, P, // the deleted post, its commentary
      P, 'core/embed', 'core/quote', P, // CARD_ONLY
      P, P, P, // closing, signature
    ]);
    expect(blocks[0]!.innerHTML).toContain('<p>First line of the intro.<br>Its second line, with &lt;b&gt;markup&lt;/b&gt; &amp; "quotes".</p>');

    const file = (url: string) => pictures.find((p) => p.url === url)!.file;
    const [full, quoting, odd, cardOnly] = blocks.filter((b) => b.blockName === 'core/quote');
    const inner = (b: Block) => named(b.innerBlocks).map((x) => x.blockName);

    // FULL: words, card (as a link, no picture), photo, two stills, the quoted post.
    expect(inner(full!)).toEqual([P, P, 'core/image', 'core/image', 'core/image', 'core/quote']);
    const fullImages = named(full!.innerBlocks).filter((b) => b.blockName === 'core/image');
    expect(fullImages.map(imgSrc)).toEqual([file(SHOWN[0]!), file(SHOWN[1]!), file(SHOWN[2]!)]);
    expect(imgAlt(fullImages[0]!)).toBe('A photo 0 &lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;');
    const quoted = named(full!.innerBlocks).at(-1)!;
    expect(inner(quoted)).toEqual([P, P, 'core/image']);
    expect(imgSrc(named(quoted.innerBlocks).at(-1)!)).toBe(file(SHOWN[3]!));
    // No avatar or card picture anywhere (the other exports' `<img class="…">`).
    expect(content).not.toContain('<img class=');

    // QUOTING: the shared photo at the same file; its quoted post's chart.
    expect(inner(quoting!)).toEqual([P, 'core/image', 'core/quote']);
    expect(imgSrc(named(quoting!.innerBlocks)[1]!)).toBe(file(SHOWN[0]!));
    expect(imgSrc(named(named(quoting!.innerBlocks)[2]!.innerBlocks).at(-1)!)).toBe(file(SHOWN[4]!));

    // ODD_PHOTO: words for both photos, no image block.
    expect(inner(odd!)).toEqual([P, P, P]);
    // CARD_ONLY: words and the card's link, no image.
    expect(inner(cardOnly!)).toEqual([P, P]);
    expect(named(cardOnly!.innerBlocks)[1]!.innerHTML).toContain('<a href="https://t.co/abc">A study of wards — example.org</a>');

    const images = (list: Block[]): Block[] => list.flatMap((b) => [...(b.blockName === 'core/image' ? [b] : []), ...images(b.innerBlocks)]);
    const srcs = images(blocks).map(imgSrc);
    expect(srcs).toHaveLength(6);
    expect(new Set(srcs)).toEqual(new Set(pictures.map((p) => p.file)));
  });

  it('a roundup with no pictures shown sends none; an empty introduction is an empty excerpt', () => {
    const d = wordPressDraft({ ...ROUNDUP, intro: ' \n\n ', items: [{ postId: CARD_ONLY.id, leadIn: '', commentary: '' }] }, POSTS, SETTINGS);
    expect(d.pictures).toEqual([]);
    expect(d.excerpt).toBe('');
    expect(d.content).not.toContain('media/');
  });
});

// ---- describeSend ----

const SENT: SentDraft = {
  site: 'https://blog.example.org',
  roundupId: 'week-48',
  postId: 12,
  editUrl: 'https://blog.example.org/wp-admin/post.php?post=12&action=edit',
  link: 'https://blog.example.org/?p=12',
  sentAt: '2026-12-01T10:00:00.000Z',
};
const report = (over: Partial<SendReport>): SendReport => ({ draft: SENT, made: 'created', uploaded: 0, reused: 0, notSent: [], ...over });

describe('describeSend', () => {
  it.each<[string, Partial<SendReport>, string]>([
    ['a new draft, no pictures', {}, 'Sent: a new draft on your site (post 12).'],
    ['a new draft, one picture uploaded', { uploaded: 1 }, 'Sent: a new draft on your site (post 12). 1 picture uploaded.'],
    ['a new draft, pictures uploaded', { uploaded: 3 }, 'Sent: a new draft on your site (post 12). 3 pictures uploaded.'],
    ['updated, all reused', { made: 'updated', reused: 2 }, 'Updated the draft on your site (post 12). 2 pictures already in the media library.'],
    ['updated, one reused', { made: 'updated', reused: 1 }, 'Updated the draft on your site (post 12). 1 picture already in the media library.'],
    ['updated, some of each', { made: 'updated', uploaded: 1, reused: 4 }, 'Updated the draft on your site (post 12). 1 picture uploaded, 4 pictures already in the media library.'],
    [
      'recreated',
      { made: 'recreated', draft: { ...SENT, postId: 13 }, uploaded: 2, reused: 1 },
      'The draft sent before was deleted in WordPress, so this is a new one (post 13). 2 pictures uploaded, 1 picture already in the media library.',
    ],
    [
      'one picture not sent',
      { uploaded: 2, notSent: [{ url: 'https://pbs.twimg.com/media/A.jpg', reason: 'no copy is kept, and pbs.twimg.com answered HTTP 404' }] },
      'Sent: a new draft on your site (post 12). 2 pictures uploaded. 1 picture could not go to the media library and still points at X: no copy is kept, and pbs.twimg.com answered HTTP 404.',
    ],
    [
      'two pictures not sent, nothing uploaded',
      {
        made: 'updated',
        notSent: [
          { url: 'https://pbs.twimg.com/media/A.jpg', reason: 'roundup may not upload pictures to the site' },
          { url: 'https://pbs.twimg.com/media/B.jpg', reason: 'the site refused a file as too large' },
        ],
      },
      'Updated the draft on your site (post 12). 2 pictures could not go to the media library and still point at X: roundup may not upload pictures to the site; the site refused a file as too large.',
    ],
  ])('%s', (_name, over, sentence) => {
    expect(describeSend(report(over))).toBe(sentence);
  });
});
