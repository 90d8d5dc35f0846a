// On a Mastodon instance's pages a status of another server's account shows only its id on this
// instance; its post id (its home address) comes from this instance's API, asked a batch at a
// time, then one by one where the batch route is missing (Mastodon before 4.3), remembered,
// and not asked again for a while when it cannot be had (deleted, private, rate-limited).
import { describe, expect, it, vi } from 'vitest';
import { createMastodonIds } from '../../src/content/mastodon-ids';
import type { ApiAnswer } from '../../src/platform/api-fetch';

const ORIGIN = 'https://social.example';
const status = (id: string, url: string) => ({ id, url, uri: url, content: '<p>hi</p>' });
const tick = () => new Promise((r) => setTimeout(r, 5));

function server(routes: Record<string, ApiAnswer>) {
  const asked: string[] = [];
  const get = vi.fn(async (url: string): Promise<ApiAnswer> => {
    asked.push(decodeURIComponent(url));
    return routes[decodeURIComponent(url)] ?? { status: 404, body: '{"error":"Record not found"}' };
  });
  return { get, asked };
}

describe('remote statuses on an instance page', () => {
  it('are named by one batch request (Mastodon 4.3+), each callback once', async () => {
    const { get, asked } = server({
      [`${ORIGIN}/api/v1/statuses?id[]=11&id[]=12&id[]=13`]: {
        status: 200,
        body: JSON.stringify([status('11', 'https://other.example/@bob/901'), status('13', 'https://third.example/@cy/77')]),
      },
    });
    const ids = createMastodonIds(ORIGIN, get);
    const seen: string[] = [];
    for (const id of ['11', '12', '13']) ids.resolve(id, () => seen.push(id));
    ids.resolve('11', () => seen.push('11 again'));
    await tick();
    expect(asked).toEqual([`${ORIGIN}/api/v1/statuses?id[]=11&id[]=12&id[]=13`]);
    expect(seen).toEqual(['11', '11 again', '13']);
    expect(ids.known('11')).toBe('https://other.example/@bob/901');
    expect(ids.known('12')).toBeUndefined();
    // Known now: answered at once, nothing asked.
    ids.resolve('11', () => seen.push('11 known'));
    expect(seen.at(-1)).toBe('11 known');
    // Not found: not asked again soon.
    ids.resolve('12', () => seen.push('12'));
    await tick();
    expect(asked).toHaveLength(1);
  });

  it('fall back to one request per status where the batch route is missing, and stay so', async () => {
    const { get, asked } = server({
      [`${ORIGIN}/api/v1/statuses/21`]: { status: 200, body: JSON.stringify(status('21', 'https://other.example/@bob/5')) },
      [`${ORIGIN}/api/v1/statuses/22`]: { status: 200, body: JSON.stringify(status('22', 'https://other.example/@bob/6')) },
      [`${ORIGIN}/api/v1/statuses/23`]: { status: 200, body: JSON.stringify(status('23', 'https://other.example/@bob/7')) },
    });
    const ids = createMastodonIds(ORIGIN, get);
    ids.resolve('21', () => {});
    ids.resolve('22', () => {});
    await tick();
    ids.resolve('23', () => {});
    await tick();
    expect(asked).toEqual([
      `${ORIGIN}/api/v1/statuses?id[]=21&id[]=22`,
      `${ORIGIN}/api/v1/statuses/21`,
      `${ORIGIN}/api/v1/statuses/22`,
      `${ORIGIN}/api/v1/statuses/23`,
    ]);
    expect(['21', '22', '23'].map(ids.known)).toEqual(['https://other.example/@bob/5', 'https://other.example/@bob/6', 'https://other.example/@bob/7']);
  });

  it('a 429 pauses asking for as long as the instance says; an address that is no status is not taken', async () => {
    let now = 1_000_000;
    const { get, asked } = server({
      [`${ORIGIN}/api/v1/statuses?id[]=31`]: { status: 429, body: '{"error":"Too many requests"}', retryAfter: '120' },
      [`${ORIGIN}/api/v1/statuses?id[]=33`]: { status: 200, body: JSON.stringify([status('33', 'javascript:alert(1)')]) },
    });
    const ids = createMastodonIds(ORIGIN, get, () => now);
    ids.resolve('31', () => {});
    await tick();
    ids.resolve('32', () => {});
    await tick();
    expect(asked).toEqual([`${ORIGIN}/api/v1/statuses?id[]=31`]); // 32 waits out the pause
    now += 121_000;
    ids.resolve('33', () => {});
    await tick();
    expect(asked.at(-1)).toBe(`${ORIGIN}/api/v1/statuses?id[]=33`);
    expect(ids.known('33')).toBeUndefined();
  });

  it('a request that throws (the instance unreachable) names nothing, and throws nothing', async () => {
    const ids = createMastodonIds(ORIGIN, async () => Promise.reject(new Error('Failed to fetch')));
    const then = vi.fn();
    ids.resolve('41', then);
    await tick();
    expect(then).not.toHaveBeenCalled();
    expect(ids.known('41')).toBeUndefined();
  });
});
