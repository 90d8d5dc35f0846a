// Just enough of a WordPress (pretty links) for the tests of the background's publishing and
// the editor's "Send to WordPress": users/me, posts (create, read, update), media (upload,
// list by id). Answers are built from real recorded ones (tests/fixtures/wordpress) and take a
// moment, as a network does. Only `site`, with `user` and `password`, is let in.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import type { SiteAnswer } from '../../../src/publish/connect';
import { authorization, type Request } from '../../../src/publish/wordpress';

/** The body WordPress gave in a recorded answer. */
export function recordedBody(name: string): Record<string, unknown> {
  // A path, not `new URL(…, import.meta.url)`: under happy-dom, URL is the page's and does not resolve it.
  const path = join(dirname(fileURLToPath(import.meta.url)), `../../fixtures/wordpress/${name}.json`);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { response: { body: unknown } };
  return file.response.body as Record<string, unknown>;
}

export interface FakePost {
  status: string;
  title: string;
  content: string;
  excerpt?: string;
}

export function fakeWordPress({ site, user, password, order }: { site: string; user: string; password: string; order?: string[] }) {
  const posts = new Map<number, FakePost>();
  const media = new Map<number, { url: string; bytes: Uint8Array; type: string }>();
  let next = 10;
  const requests: Request[] = [];
  /** While set, a draft's create or update waits for it. */
  let hold: Promise<void> | undefined;
  const json = (status: number, body: unknown, url: string): SiteAnswer => ({ status, body: JSON.stringify(body), url });
  const call = vi.fn(async (r: Request): Promise<SiteAnswer> => {
    requests.push(r);
    order?.push(`site: ${r.method} ${new URL(r.url).pathname}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
    const u = new URL(r.url);
    if (u.origin !== site) throw new TypeError('Failed to fetch');
    if (r.headers.Authorization !== authorization({ user, applicationPassword: password })) return json(401, recordedBody('users-me-401'), r.url);
    const route = u.pathname.replace(/^\/wp-json/, '');
    if (route === '/wp/v2/users/me') return json(200, recordedBody('users-me'), r.url);
    if (r.method === 'POST' && route === '/wp/v2/posts') {
      await hold;
      const id = next++;
      const sent = JSON.parse(r.body as string) as FakePost;
      posts.set(id, sent);
      return json(201, { ...recordedBody('post-create-draft'), id, status: sent.status, link: `${site}/?p=${id}` }, r.url);
    }
    const one = /^\/wp\/v2\/posts\/(\d+)$/.exec(route);
    if (one) {
      const id = Number(one[1]);
      const post = posts.get(id);
      if (!post) return json(404, recordedBody('post-get-404'), r.url);
      if (r.method === 'POST') {
        await hold;
        Object.assign(post, JSON.parse(r.body as string));
      }
      return json(200, { id, status: post.status, link: `${site}/?p=${id}` }, r.url);
    }
    if (r.method === 'POST' && route === '/wp/v2/media') {
      const id = next++;
      const name = /filename="([^"]+)"/.exec(r.headers['Content-Disposition'] ?? '')![1]!;
      media.set(id, { url: `${site}/wp-content/uploads/2026/12/${name}`, bytes: r.body as Uint8Array, type: r.headers['Content-Type']! });
      return json(201, { ...recordedBody('media-upload'), id, source_url: media.get(id)!.url }, r.url);
    }
    if (r.method === 'GET' && route === '/wp/v2/media') {
      const ids = (u.searchParams.get('include') ?? '').split(',').map(Number);
      return json(200, ids.filter((id) => media.has(id)).map((id) => ({ id, source_url: media.get(id)!.url })), r.url);
    }
    return json(404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } }, r.url);
  });
  return {
    call,
    posts,
    media,
    requests,
    holdDrafts(until: Promise<void> | undefined) {
      hold = until;
    },
  };
}
