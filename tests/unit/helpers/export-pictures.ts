// Test data for the exports that carry pictures: posts that show every kind of picture
// (avatar, photo with alt text, video and GIF stills, link-card picture; the quoted post's
// avatar, photo and card too), their kept copies as bytes, and parse5 helpers to find every
// place a parsed page could load something from.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { unzipSync } from 'fflate';
import type { PictureBytes } from '../../../src/model/media';
import { picturesOf } from '../../../src/model/media';
import type { Post } from '../../../src/model/post';
import type { Roundup } from '../../../src/model/roundup';
import { DEFAULT_EXPORT_SETTINGS, type ExportInput } from '../../../src/export';

export const TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'] as const;

/** A post with every kind of picture, `i` making its URLs its own. Alt texts hold markup and quotes. */
export function picturePost(i: number): Post {
  return {
    id: `x:${1000 + i}`,
    site: 'x',
    url: `https://x.com/alice${i}/status/${1000 + i}`,
    author: { name: `Alice ${i}`, handle: `alice${i}`, avatarUrl: `https://pbs.twimg.com/profile_images/${i}/face_normal.jpg` },
    text: `Post ${i} words <b>bold?</b> & "quoted"`,
    segments: [{ kind: 'text', text: `Post ${i} words <b>bold?</b> & "quoted"` }],
    createdAt: '2025-11-20T15:04:05.000Z',
    media: [
      { kind: 'image', url: `https://pbs.twimg.com/media/P${i}a?format=jpg&name=small`, alt: `A photo ${i} <img src=x onerror=alert(1)> & "more"` },
      { kind: 'video', url: `https://video.twimg.com/ext_tw_video/${i}/v.mp4`, posterUrl: `https://pbs.twimg.com/ext_tw_video_thumb/${i}/pu/img/still.jpg`, alt: '' },
      { kind: 'gif', url: `https://video.twimg.com/tweet_video/g${i}.mp4`, posterUrl: `https://pbs.twimg.com/tweet_video_thumb/g${i}.jpg`, alt: `A GIF ${i}` },
    ],
    card: { url: `https://t.co/card${i}`, title: `Card ${i}`, domain: 'example.org', image: { url: `https://pbs.twimg.com/card_img/${i}/c?format=png&name=600x314`, alt: `Card picture ${i}` } },
    quoted: {
      id: `x:${9000 + i}`,
      site: 'x',
      url: `https://x.com/carol/status/${9000 + i}`,
      author: { name: 'Carol', handle: 'carol', avatarUrl: 'https://pbs.twimg.com/profile_images/9/carol_normal.jpg' },
      text: `Quoted ${i}`,
      segments: [{ kind: 'text', text: `Quoted ${i}` }],
      media: [{ kind: 'image', url: `https://pbs.twimg.com/media/Q${i}?format=png&name=small`, alt: `Quoted photo ${i}` }],
      card: { url: 'https://t.co/qcard', title: 'Quoted card', image: { url: `https://pbs.twimg.com/card_img/q${i}/c?format=jpg` } },
      capturedAt: '2025-11-21T10:00:00.000Z',
      pageUrl: 'https://x.com/home',
    },
    capturedAt: '2025-11-21T10:00:00.000Z',
    pageUrl: 'https://x.com/home',
  };
}

export function pictureRoundup(posts: Post[]): Roundup {
  return {
    id: 'pictures',
    title: 'Pictures & <friends>',
    intro: 'Intro words',
    closing: 'Closing words',
    items: [...posts.map((p) => ({ postId: p.id, leadIn: `Before ${p.id}`, commentary: `After ${p.id}` })), { postId: 'x:404', leadIn: '', commentary: 'Its post is gone' }],
    createdAt: '2025-11-21T10:00:00.000Z',
    updatedAt: '2025-11-22T10:00:00.000Z',
  };
}

export function pictureInput(count = 2, settings: Partial<ExportInput['settings']> = {}): ExportInput {
  const posts = Array.from({ length: count }, (_, i) => picturePost(i));
  return {
    roundup: pictureRoundup(posts),
    posts: Object.fromEntries(posts.map((p) => [p.id, p])),
    settings: { ...DEFAULT_EXPORT_SETTINGS, signature: 'Signature words', ...settings },
    exportedAt: '2025-11-23T12:00:00.000Z',
  };
}

/** Every picture URL of the input's posts, once each. */
export function allUrls(input: ExportInput): string[] {
  return [...new Set(Object.values(input.posts).flatMap((p) => picturesOf(p).map((x) => x.url)))];
}

/** Bytes of their own for each URL (never two alike), some bigger than a base64 slice. */
export function bytesOf(url: string, size = 40 + (url.length % 7) * 11): Uint8Array {
  const out = new Uint8Array(size);
  let h = 2166136261;
  for (const c of url) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  for (let i = 0; i < size; i++) {
    h = Math.imul(h ^ i, 16777619);
    out[i] = h >>> 24;
  }
  return out;
}

/** A kept copy of each URL in `urls`, types taking turns. */
export function copiesOf(urls: readonly string[]): Map<string, { type: string; bytes: Uint8Array }> {
  return new Map(urls.map((url, i) => [url, { type: TYPES[i % TYPES.length]!, bytes: bytesOf(url) }]));
}

// ---- parse5 ----

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];

const isElement = (n: Node): n is Element => 'tagName' in n;

export function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node)) out.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child as Node);
    if (isElement(node) && node.tagName === 'template') walk((node as DefaultTreeAdapterMap['template']).content as unknown as Node);
  };
  walk(parse(html));
  return out;
}

export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

export function textOf(el: Element): string {
  return el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : isElement(n as Node) ? textOf(n as Element) : '')).join('');
}

/** `data:<type>;base64,<…>` read back, or null if the src is not one. */
export function dataUri(src: string): { type: string; bytes: Uint8Array } | null {
  const m = /^data:([a-z/+.-]+);base64,([A-Za-z0-9+/=]*)$/.exec(src);
  return m ? { type: m[1]!, bytes: new Uint8Array(Buffer.from(m[2]!, 'base64')) } : null;
}

/** Every attribute value in the page that makes a browser fetch (or could): src, srcset, poster, href of <link>, style url(). */
export function fetchedAddresses(html: string): string[] {
  const out: string[] = [];
  for (const el of elements(html)) {
    for (const { name, value } of el.attrs) {
      if (['src', 'srcset', 'poster', 'data', 'background', 'action', 'formaction', 'manifest', 'ping'].includes(name)) out.push(value);
      if (name === 'href' && el.tagName !== 'a') out.push(value);
      if (name === 'style') for (const m of value.matchAll(/url\(([^)]*)\)/g)) out.push(m[1]!);
    }
    if (el.tagName === 'style') for (const m of textOf(el).matchAll(/url\(([^)]*)\)|@import/g)) out.push(m[1] ?? '@import');
  }
  return out;
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

/** PictureBytes with only the URLs `keep` says. */
export function only(copies: PictureBytes, keep: (url: string) => boolean): PictureBytes {
  return new Map([...copies].filter(([url]) => keep(url)));
}
