// "Web page (self-contained)" and "Archive (.zip)": read back as a browser and an unzip tool
// would. The page holds every kept picture as a `data:` URI of its exact bytes and type, and
// points at nothing to load (no script, no X media host); a picture with no copy shows as
// words. The zip's index.html and Markdown name only files the zip holds, byte for byte.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { unzipSync } from 'fflate';
import { base64, renderPage } from '../../src/export/page';
import { renderArchive } from '../../src/export/archive';
import { renderHtml } from '../../src/export/html';
import { renderRoundupBackup } from '../../src/export/backup';
import { extensionOf, imageType } from '../../src/export/pictures';
import { oneLine } from '../../src/export/paragraphs';
import type { ExportInput } from '../../src/export';
import type { PictureBytes } from '../../src/model/media';
import type { Post } from '../../src/model/post';
import { HOSTILE_TEXT, HOSTILE_URLS, NETWORKS, TEXT_FIELDS, URL_FIELDS, hostileInput } from '../golden/export-hostile';
import { SEED_INPUT, closeSeedPages } from '../golden/seed-roundup';
import {
  TYPES, allUrls, attr, bytesOf, copiesOf, dataUri, elements, fetchedAddresses, only, pictureInput, picturePost, pictureRoundup, text, textOf,
} from './helpers/export-pictures';

afterAll(closeSeedPages);

const same = (a: Uint8Array | undefined, b: Uint8Array): boolean => !!a && a.length === b.length && a.every((x, i) => x === b[i]);

/** The URL whose copy has exactly these bytes and type, or undefined. */
function copyFor(copies: PictureBytes, found: { type: string; bytes: Uint8Array }): string | undefined {
  return [...copies].find(([, c]) => imageType(c.type) === found.type && same(found.bytes, c.bytes))?.[0];
}

/** The URL whose copy has these bytes (whatever its type), or undefined. */
function urlOfBytes(copies: PictureBytes, bytes: Uint8Array | undefined): string | undefined {
  return [...copies].find(([, c]) => same(bytes, c.bytes))?.[0];
}

const imgs = (html: string) => elements(html).filter((el) => el.tagName === 'img');
const main = (page: string): string => page.slice(page.indexOf('<main>\n') + 7, page.indexOf('\n</main>'));

/** Tags a static page of words, links and pictures needs; anything else could run or load. */
const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'p', 'a', 'em', 'strong', 'br', 'blockquote', 'span', 'img']);

describe('the self-contained page', () => {
  const input = pictureInput(2);
  const urls = allUrls(input);
  const copies = copiesOf(urls);
  const page = renderPage(input, copies);

  it('is a whole document: doctype, charset, title, a stylesheet, a policy that loads nothing', () => {
    expect(page.startsWith('<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">')).toBe(true);
    const els = elements(page);
    expect(textOf(els.find((e) => e.tagName === 'title')!)).toBe('Pictures & <friends>');
    expect(els.filter((e) => e.tagName === 'style')).toHaveLength(1);
    const csp = els.find((e) => attr(e, 'http-equiv') === 'Content-Security-Policy');
    expect(attr(csp!, 'content')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(els.filter((e) => e.tagName === 'h1').map(textOf)).toEqual(['Pictures & <friends>']);
  });

  it('holds every picture (avatars, photos, stills, card pictures, the quoted post\'s) as a data: URI of its exact bytes and type', () => {
    const shown = imgs(page).map((img) => {
      const data = dataUri(attr(img, 'src')!);
      expect(data, attr(img, 'src')!.slice(0, 40)).not.toBeNull();
      const url = copyFor(copies, data!);
      expect(url, 'bytes and type of a kept copy').toBeDefined();
      return { url: url!, alt: attr(img, 'alt') };
    });
    expect(new Set(shown.map((s) => s.url))).toEqual(new Set(urls));
    // Photos and stills keep their alt text (as one line); avatars are decorative.
    const post = picturePost(0);
    expect(shown.find((s) => s.url === post.media[0]!.url)!.alt).toBe(oneLine(post.media[0]!.alt));
    expect(shown.find((s) => s.url === post.media[2]!.posterUrl)!.alt).toBe('A GIF 0');
    expect(shown.find((s) => s.url === post.card!.image!.url)!.alt).toBe('Card picture 0');
    expect(shown.find((s) => s.url === post.author.avatarUrl)!.alt).toBe('');
    // The quoted post's avatar is one picture shared by both posts: once per place it shows.
    expect(shown.filter((s) => s.url === 'https://pbs.twimg.com/profile_images/9/carol_normal.jpg')).toHaveLength(2);
  });

  it('points at nothing to load: no X media host, no http(s) picture, no script, only static tags', () => {
    expect(fetchedAddresses(page).length).toBeGreaterThan(0);
    for (const address of fetchedAddresses(page)) expect(address.startsWith('data:image/'), address.slice(0, 60)).toBe(true);
    expect(page).not.toContain('pbs.twimg.com');
    expect(page).not.toContain('video.twimg.com');
    for (const el of elements(page)) {
      expect(ALLOWED_TAGS.has(el.tagName), el.tagName).toBe(true);
      for (const a of el.attrs) expect(a.name.startsWith('on'), a.name).toBe(false);
    }
    // Even with the embed script chosen for HTML: the page never has one.
    const scripted = renderPage({ ...input, settings: { ...input.settings, includeEmbedScript: true } }, copies);
    expect(scripted).not.toMatch(/<script/i);
    expect(scripted).toContain('style="max-width:550px');
  });

  it('shows a picture with no copy as words, never as a link to X: photos and stills named, avatars and card pictures left out', () => {
    const bare = renderPage(input, new Map());
    expect(imgs(bare)).toHaveLength(0);
    expect(bare).not.toContain('twimg.com');
    const words = elements(bare).filter((e) => e.tagName === 'p').map(textOf);
    expect(words).toContain(`[Photo: ${oneLine(picturePost(0).media[0]!.alt)}][Video][GIF: A GIF 0]`);
    expect(words).toContain('[Photo: Quoted photo 1]');
    // Half kept: each picture is either inside the page or words, none both.
    const half = only(copies, (url) => urls.indexOf(url) % 2 === 0);
    const mixed = renderPage(input, half);
    const inside = new Set(imgs(mixed).map((img) => copyFor(half, dataUri(attr(img, 'src')!)!)));
    expect(inside).toEqual(new Set(half.keys()));
  });

  it('leaves out a copy that is not a raster picture (SVG, HTML) or is empty: words instead', () => {
    const post = picturePost(0);
    const odd: PictureBytes = new Map([
      [post.media[0]!.url, { type: 'image/svg+xml', bytes: bytesOf('svg') }],
      [post.author.avatarUrl!, { type: 'text/html', bytes: bytesOf('html') }],
      [post.media[2]!.posterUrl!, { type: 'image/png', bytes: new Uint8Array(0) }],
      [post.card!.image!.url, { type: 'Image/JPEG; charset=binary', bytes: bytesOf('jpeg') }],
    ]);
    const out = renderPage(pictureInput(1), odd);
    expect(imgs(out).map((img) => dataUri(attr(img, 'src')!)!.type)).toEqual(['image/jpeg']);
    expect(out).toContain('[Photo: ');
    expect(out).toContain('[GIF: A GIF 0]');
  });

  it('has the words and escaping of the HTML export (static cards), for hostile input in every field', () => {
    const asHtml = (i: ExportInput): string => {
      const blank = (p: Post): Post => ({ ...p, media: p.media.map((m) => ({ ...m, url: '', posterUrl: undefined })), ...(p.quoted && { quoted: blank(p.quoted) }) });
      const posts = Object.fromEntries(Object.entries(i.posts).map(([id, p]) => [id, blank(p)]));
      return renderHtml({ ...i, posts, settings: { ...i.settings, includeEmbedScript: false } }).trimEnd().replaceAll('[Image', '[Photo');
    };
    const cases: ExportInput[] = [SEED_INPUT, pictureInput(2)];
    for (const site of NETWORKS) {
      for (const field of TEXT_FIELDS) for (const value of HOSTILE_TEXT) cases.push(hostileInput(field, value, site));
      for (const field of URL_FIELDS) for (const value of HOSTILE_URLS) cases.push(hostileInput(field, value, site));
    }
    for (const c of cases) {
      const out = renderPage(c, new Map());
      expect(main(out)).toBe(asHtml(c));
      for (const el of elements(out)) {
        expect(ALLOWED_TAGS.has(el.tagName), el.tagName).toBe(true);
        for (const { name, value } of el.attrs) {
          expect(name.startsWith('on'), name).toBe(false);
          if (name === 'href') expect(value, value).toMatch(/^https?:\/\//);
        }
      }
    }
  });
});

describe('the archive', () => {
  const input = pictureInput(2);
  const urls = allUrls(input);
  const copies = copiesOf(urls);
  const zip = renderArchive(input, copies);
  const files = unzipSync(zip);
  const md = new MarkdownIt();

  /** Every picture and link into media/ the Markdown has. */
  function markdownTargets(source: string): { image: string[]; link: string[] } {
    const out = { image: [] as string[], link: [] as string[] };
    const walk = (tokens: ReturnType<typeof md.parse>) => {
      for (const t of tokens) {
        if (t.type === 'image') out.image.push(String(t.attrGet('src')));
        if (t.type === 'link_open' && String(t.attrGet('href')).startsWith('media/')) out.link.push(String(t.attrGet('href')));
        if (t.children) walk(t.children);
      }
    };
    walk(md.parse(source, {}));
    return out;
  }

  it('holds index.html, the Markdown, the JSON and one file per kept picture, the pictures stored as they are', () => {
    const names = Object.keys(files);
    expect(names.filter((n) => !n.startsWith('media/')).sort()).toEqual(['index.html', 'roundup.json', 'roundup.md']);
    expect(names.filter((n) => n.startsWith('media/'))).toHaveLength(urls.length);
    for (const name of names.filter((n) => n.startsWith('media/'))) expect(name).toMatch(/^media\/[a-z0-9][a-z0-9-]*\.(jpg|png|gif|webp|avif)$/);
    expect(text(files['roundup.json'])).toBe(renderRoundupBackup(input));
    const methods: Record<string, number> = {};
    unzipSync(zip, { filter: (f) => void (methods[f.name] = f.compression) as unknown as boolean });
    for (const [name, method] of Object.entries(methods)) expect(method, name).toBe(name.startsWith('media/') ? 0 : 8);
  });

  it('index.html: every <img> is a file in the zip with the exact bytes, typed by its extension; nothing else to load', () => {
    const page = text(files['index.html']);
    const seen = new Set<string>();
    for (const img of imgs(page)) {
      const src = attr(img, 'src')!;
      expect(src).toMatch(/^media\//);
      const url = urlOfBytes(copies, files[src]);
      expect(url, src).toBeDefined();
      expect(src.endsWith(`.${extensionOf(imageType(copies.get(url!)!.type)!)}`)).toBe(true);
      seen.add(url!);
    }
    expect(seen).toEqual(new Set(urls));
    for (const address of fetchedAddresses(page)) expect(address.startsWith('media/'), address).toBe(true);
    expect(page).not.toContain('twimg.com');
    expect(page).not.toMatch(/<script/i);
    // No file in media/ that the page does not show.
    const shown = new Set(imgs(page).map((img) => attr(img, 'src')));
    expect(Object.keys(files).filter((n) => n.startsWith('media/') && !shown.has(n))).toEqual([]);
  });

  it('roundup.md: every picture (or, with images off, every link to one) is a file in the zip with the exact bytes', () => {
    const source = text(files['roundup.md']);
    expect(source).not.toContain('twimg.com');
    const { image } = markdownTargets(source);
    // Markdown shows the posts' photos and stills: 3 per post and the quoted post's photo.
    expect(image).toHaveLength(8);
    for (const src of image) expect(files[src], src).toBeDefined();
    for (const post of Object.values(input.posts)) {
      for (const m of [...post.media, ...post.quoted!.media]) {
        const url = m.kind === 'image' ? m.url : m.posterUrl!;
        expect(image.some((src) => same(files[src], copies.get(url)!.bytes)), url).toBe(true);
      }
    }
    const links = unzipSync(renderArchive({ ...input, settings: { ...input.settings, markdownImages: false } }, copies));
    const { image: none, link } = markdownTargets(text(links['roundup.md']));
    expect(none).toEqual([]);
    expect(link).toHaveLength(8);
    for (const href of link) expect(links[href], href).toBeDefined();
  });

  it('is the same bytes for the same export (dated by the export, not the clock)', () => {
    expect(same(renderArchive(input, copies), zip)).toBe(true);
  });
});

describe('any set of kept and missing copies', () => {
  it('every picture the page, index.html and the Markdown show resolves to its exact bytes; the rest are words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.infiniteStream(fc.record({ kept: fc.boolean(), type: fc.constantFrom(...TYPES, 'image/svg+xml', 'image/jpg'), size: fc.oneof(fc.constant(0), fc.integer({ min: 16, max: 70_000 })) })),
        fc.boolean(),
        (count, choices, markdownImages) => {
          const input = pictureInput(count, { markdownImages });
          const urls = allUrls(input);
          const copies = new Map<string, { type: string; bytes: Uint8Array }>();
          for (const url of urls) {
            const c = choices.next().value;
            if (c.kept) copies.set(url, { type: c.type, bytes: bytesOf(url, c.size) });
          }
          const usable = new Set([...copies].filter(([, c]) => imageType(c.type) && c.bytes.length > 0).map(([url]) => url));

          const page = renderPage(input, copies);
          const inPage = imgs(page).map((img) => copyFor(copies, dataUri(attr(img, 'src')!)!));
          expect(inPage.every((u) => u !== undefined && usable.has(u))).toBe(true);
          expect(new Set(inPage)).toEqual(usable);
          expect(page).not.toContain('twimg.com');

          const files = unzipSync(renderArchive(input, copies));
          const index = text(files['index.html']);
          for (const img of imgs(index)) expect(files[attr(img, 'src')!], attr(img, 'src')).toBeDefined();
          const inIndex = new Set(imgs(index).map((img) => urlOfBytes(copies, files[attr(img, 'src')!])));
          expect(inIndex).toEqual(usable);
          const source = text(files['roundup.md']);
          const targets = [...source.matchAll(/\]\((media\/[^)\s]+)\)/g)].map((m) => m[1]!);
          for (const target of targets) expect(files[target], target).toBeDefined();
          expect(Object.keys(files).filter((n) => n.startsWith('media/'))).toHaveLength(usable.size);
          // The photos and stills with no usable copy: named in words, in the page and the Markdown.
          const missingMedia = Object.values(input.posts).flatMap((p) => [...p.media, ...p.quoted!.media]).filter((m) => !usable.has(m.kind === 'image' ? m.url : m.posterUrl!));
          expect((main(page).match(/\[(Photo|Video|GIF)\b/g) ?? []).length).toBe(missingMedia.length);
          expect(targets).toHaveLength(Object.values(input.posts).flatMap((p) => [...p.media, ...p.quoted!.media]).length - missingMedia.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

it('a roundup with no posts and no pictures still makes a page and a zip', () => {
  const input: ExportInput = { ...pictureInput(0), roundup: pictureRoundup([]) };
  expect(imgs(renderPage(input, new Map()))).toHaveLength(0);
  expect(Object.keys(unzipSync(renderArchive(input, new Map()))).sort()).toEqual(['index.html', 'roundup.json', 'roundup.md']);
});

it('writes base64 as the standard does, for every length', () => {
  for (let n = 0; n < 70; n++) {
    const bytes = bytesOf(`b${n}`, n);
    expect(base64(bytes), String(n)).toBe(Buffer.from(bytes).toString('base64'));
  }
  expect(base64(new Uint8Array([255, 254, 253, 0]))).toBe('//79AA==');
});
